package dev.vireo.instrumentation.springscheduling;

import dev.vireo.instrumentation.api.AgentLog;
import java.lang.reflect.Field;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Which tasks given to a Spring task scheduler get a span per run: every one but a {@code @Scheduled} method's (its
 * {@code ScheduledMethodRunnable} has a span of its own, {@link ScheduledMethodSpans}), also when Spring 6.2+ wraps it
 * in the outcome tracking of {@code ScheduledTaskRegistrar}'s tasks, and Spring Kafka's own.
 */
final class ScheduledTasks {

  /**
   * Spring Kafka's own housekeeping (a listener container's consumer monitor, every 30 s): no span, as the
   * OpenTelemetry agent makes none.
   */
  private static final String SPRING_KAFKA = "org.springframework.kafka.";

  private static final String OUTCOME_TRACKING_RUNNABLE =
      "org.springframework.scheduling.config.Task$OutcomeTrackingRunnable";
  private static volatile Field outcomeTrackedTask; // read once found; stays null where Spring has none

  private ScheduledTasks() {}

  /** The task to schedule instead, in a one-element array, or null to schedule {@code task} as it is. */
  static Object[] traced(Runnable task) {
    try {
      if (task == null || task instanceof TracedScheduledTask) {
        return null;
      }
      Runnable runs = tracked(task);
      if (runs == null
          || runs instanceof ScheduledMethodRunnable
          || runs instanceof TracedScheduledTask
          || runs.getClass().getName().startsWith(SPRING_KAFKA)) {
        return null;
      }
      return new Object[] {new TracedScheduledTask(task, runs.getClass())};
    } catch (Throwable t) {
      AgentLog.debug("spring-scheduling: task not traced: {}", t);
      return null;
    }
  }

  /** The task an outcome-tracking wrapper runs (Spring 6.2+), else the task itself; null when it cannot be read. */
  private static Runnable tracked(Runnable task) throws ReflectiveOperationException {
    if (!task.getClass().getName().equals(OUTCOME_TRACKING_RUNNABLE)) {
      return task;
    }
    Field field = outcomeTrackedTask;
    if (field == null) {
      field = task.getClass().getDeclaredField("runnable");
      field.setAccessible(true);
      outcomeTrackedTask = field;
    }
    return (Runnable) field.get(task);
  }
}
