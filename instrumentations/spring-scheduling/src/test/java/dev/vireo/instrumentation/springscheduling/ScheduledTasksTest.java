package dev.vireo.instrumentation.springscheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testapp.springscheduling.CacheRefresh;
import dev.vireo.testapp.springscheduling.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.vireotest.KafkaHousekeeping;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/** Which tasks given to a task scheduler are replaced by a traced one. */
class ScheduledTasksTest {

  @Test
  void anApplicationsTaskIsTracedOnce() throws Exception {
    Object[] traced = ScheduledTasks.traced(new CacheRefresh());

    assertThat(traced).hasSize(1).hasOnlyElementsOfType(TracedScheduledTask.class);
    // a scheduler that hands the task on to another of its methods does not wrap it twice
    assertThat(ScheduledTasks.traced((Runnable) traced[0])).isNull();
  }

  @Test
  void scheduledMethodsAndSpringKafkasOwnTasksAreLeftAsTheyAre() throws Exception {
    assertThat(ScheduledTasks.traced(new ScheduledMethodRunnable(new Jobs(), Jobs.class.getMethod("tick")))).isNull();
    assertThat(ScheduledTasks.traced(new KafkaHousekeeping())).isNull();
    assertThat(ScheduledTasks.traced(null)).isNull();
  }
}
