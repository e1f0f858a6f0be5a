package dev.vireo.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Makes a task's captured context current while the task runs and restores the previous one after,
 * so a pooled thread carries nothing to its next task. Returns {@code Object} because advice may only
 * name types the instrumented JDK class can see.
 */
final class TaskScopes {

  private TaskScopes() {}

  /**
   * @param runsOnce whether the task is finished after this run (then its context is forgotten);
   *     periodic tasks and completions that fire more than once keep it
   */
  static Object enter(Object task, boolean runsOnce) {
    try {
      Context context = runsOnce ? TaskContexts.take(task) : TaskContexts.get(task);
      return makeCurrent(context);
    } catch (Throwable t) {
      return null;
    }
  }

  static Object makeCurrent(Context context) {
    if (context == null || context == Context.current()) {
      return null; // nothing captured, or already current (a task run by the thread that submitted it)
    }
    return context.makeCurrent();
  }

  /** A root scope for code that creates long-lived threads or tasks: they must not inherit a request. */
  static Object enterRoot() {
    try {
      return Context.current() == Context.root() ? null : Context.root().makeCurrent();
    } catch (Throwable t) {
      return null;
    }
  }

  static void exit(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }
}
