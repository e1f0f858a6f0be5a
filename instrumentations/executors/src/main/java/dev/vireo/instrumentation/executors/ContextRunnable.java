package dev.vireo.instrumentation.executors;

import io.opentelemetry.context.Context;

/**
 * A plain Runnable handed to {@link java.util.concurrent.ThreadPoolExecutor#execute} with a context
 * current. Such a Runnable may be one shared object (a non-capturing lambda, a reused task) submitted
 * from many requests at once, so the context cannot be attached to it; it travels in this wrapper.
 * Only created when there is a context to move.
 */
final class ContextRunnable implements Runnable {

  final Runnable task;
  private final Context context;

  ContextRunnable(Runnable task, Context context) {
    this.task = task;
    this.context = context;
  }

  @Override
  public void run() {
    Object scope = TaskScopes.makeCurrent(context);
    try {
      task.run();
    } finally {
      TaskScopes.exit(scope);
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
