package dev.vireo.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.AdviceErrors;
import dev.vireo.bootstrap.InjectedSlot;
import dev.vireo.testlib.SlottedTask;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A module's {@code withInjectedSlot()} gives the class a field as it loads, and the module's
 * {@code VirtualField.createInInjectedSlot()} keeps its values there; a later retransformation (by
 * any agent) keeps the class's shape, so it neither fails nor loses the values.
 */
@ExtendWith(AgentTestingExtension.class)
class InjectedSlotTest {

  @Test
  void theModulesFieldLivesInTheSlotAndSurvivesARetransformation() throws Exception {
    SlottedTask task = new SlottedTask();
    assertThat(task).isInstanceOf(InjectedSlot.class);
    task.run();
    task.run();
    assertThat(((InjectedSlot) (Object) task).vireo$slot()).isEqualTo(2);

    ByteBuddyAgent.getInstrumentation().retransformClasses(SlottedTask.class);

    assertThat(((InjectedSlot) (Object) task).vireo$slot()).as("the value outlives the retransformation").isEqualTo(2);
    task.run();
    assertThat(((InjectedSlot) (Object) task).vireo$slot()).as("the advice is still applied").isEqualTo(3);
    assertThat(AdviceErrors.hasFailed("test-slot")).isFalse();
  }
}
