package dev.vireo.instrumentation.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.FutureTask;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SuperTypeMatchersTest {

  @AfterEach
  void uninstall() {
    TypeHierarchyLookup.Installed.install(null);
  }

  @Test
  void withoutTheAgentsLookupByteBuddyWalksTheHierarchy() {
    assertThat(SuperTypeMatchers.classesInheriting("java.util.concurrent.Future").matches(of(FutureTask.class)))
        .isTrue();
    assertThat(SuperTypeMatchers.classesInheriting("java.lang.Runnable").matches(of(Runnable.class))).isFalse();
    assertThat(SuperTypeMatchers.classesExtending("java.util.AbstractList").matches(of(ArrayList.class))).isTrue();
    assertThat(SuperTypeMatchers.classesExtending("java.util.List").matches(of(ArrayList.class))).isFalse();
  }

  @Test
  void theLookupAnswersWhenItCanAndByteBuddyWhenItCannot() {
    TypeHierarchyLookup.Installed.install(
        (String typeName, Set<String> superTypes, boolean superClassesOnly) ->
            typeName.equals(FutureTask.class.getName()) ? Boolean.FALSE : null);
    // the lookup's answer wins, even against the real hierarchy: it is what the agent uses when it knows
    assertThat(SuperTypeMatchers.classesInheriting("java.util.concurrent.Future").matches(of(FutureTask.class)))
        .isFalse();
    assertThat(SuperTypeMatchers.classesExtending("java.util.AbstractList").matches(of(ArrayList.class))).isTrue();
  }

  private static TypeDescription of(Class<?> type) {
    return TypeDescription.ForLoadedType.of(type);
  }
}
