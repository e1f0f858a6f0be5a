package dev.vireo.instrumentation.executors;

import io.opentelemetry.context.Context;

/**
 * The context current where a task is created is the one it runs in: tasks are created at
 * submission (submit/invokeAll/invokeAny/schedule wrap into FutureTasks, ForkJoinPool wraps into
 * adapters, CompletableFuture creates its async tasks and dependent-stage completions).
 */
final class TaskCreation {

  private TaskCreation() {}

  /** @param work the Callable/Runnable the task wraps (it names where the work comes from), or the task */
  static void onCreated(Object task, Object work) {
    try {
      Context context = TaskContexts.toPropagate();
      if (context == null || InternalTasks.isInternal(work) || (work != task && InternalTasks.isInternal(task))) {
        return;
      }
      TaskContexts.attach(task, context);
    } catch (Throwable t) {
      // never fail task creation
    }
  }
}
