package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/** Thread.run() / VirtualThread.run(Runnable): the started thread runs its Runnable in the starter's context. */
public final class ThreadRunAdvice {

  private ThreadRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Thread thread) {
    return ThreadContexts.onRun(thread);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    TaskScopes.exit(scope);
  }
}
