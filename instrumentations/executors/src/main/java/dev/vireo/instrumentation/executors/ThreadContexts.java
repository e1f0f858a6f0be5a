package dev.vireo.instrumentation.executors;

import io.opentelemetry.context.Context;

/**
 * Thread.start captures the current context for the thread's Runnable; Thread.run (platform threads)
 * or VirtualThread.run(Runnable) makes it current on the new thread.
 */
final class ThreadContexts {

  /**
   * Whether a thread class runs its Runnable through {@code Thread.run()}. A subclass that overrides
   * run() (ForkJoinWorkerThread, the HttpClient selector, Timer threads) is a long-lived worker of
   * its own kind: capturing for it would only keep the starter's context reachable for its whole life.
   */
  private static final ClassValue<Boolean> RUNS_TARGET =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (type.getName().equals("java.lang.VirtualThread")) {
            return Boolean.TRUE; // runs its task through VirtualThread.run(Runnable)
          }
          try {
            return type.getMethod("run").getDeclaringClass() == Thread.class;
          } catch (Throwable t) {
            return Boolean.FALSE;
          }
        }
      };

  private ThreadContexts() {}

  static void onStart(Thread thread) {
    try {
      Context context = TaskContexts.toPropagate();
      if (context == null || InternalTasks.isInternalThread(thread) || !RUNS_TARGET.get(thread.getClass())) {
        return;
      }
      TaskContexts.attach(thread, context);
    } catch (Throwable t) {
      // never fail Thread.start
    }
  }

  static Object onRun(Thread thread) {
    return TaskScopes.enter(thread, true);
  }
}
