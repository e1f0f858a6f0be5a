package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Runs a method with the root context current: for code that starts long-lived pool threads
 * (ThreadPoolExecutor.addWorker, Jetty's QueuedThreadPool.startThread) or schedules a virtual thread's
 * continuation on its carrier pool. Whatever they create must not inherit the request that happened
 * to trigger them.
 */
public final class RootContextAdvice {

  private RootContextAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return TaskScopes.enterRoot();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    TaskScopes.exit(scope);
  }
}
