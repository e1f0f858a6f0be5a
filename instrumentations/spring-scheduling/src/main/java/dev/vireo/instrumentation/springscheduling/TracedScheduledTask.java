package dev.vireo.instrumentation.springscheduling;

import dev.vireo.instrumentation.api.CurrentSpanCall;
import dev.vireo.instrumentation.api.semconv.code.CodeFunction;

/**
 * A task given to a Spring task scheduler, each run of it an INTERNAL span {@code {TaskClass}.run} with {@code
 * code.namespace} and {@code code.function}, as the OpenTelemetry agent makes it; the class is the one of the task
 * the application wrote (not of Spring's wrapper around it).
 */
final class TracedScheduledTask implements Runnable {

  private final Runnable task;
  private final CodeFunction function;

  TracedScheduledTask(Runnable task, Class<?> taskClass) {
    this.task = task;
    this.function = new CodeFunction(taskClass, "run");
  }

  @Override
  public void run() {
    CurrentSpanCall<CodeFunction> call = ScheduledMethodSpans.start(function);
    Throwable thrown = null;
    try {
      task.run();
    } catch (Throwable t) {
      thrown = t;
      throw t;
    } finally {
      ScheduledMethodSpans.end(call, thrown);
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
