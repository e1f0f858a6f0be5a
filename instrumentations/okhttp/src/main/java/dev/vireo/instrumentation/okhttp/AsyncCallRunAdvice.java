package dev.vireo.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;

/**
 * While the dispatcher thread runs an enqueued call, the enqueuing caller's context is current: the
 * interceptors parent their spans to it and the application's callback runs in it.
 */
public final class AsyncCallRunAdvice {

  private AsyncCallRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Runnable asyncCall) {
    return EnqueuedContext.restore(asyncCall);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    EnqueuedContext.close(scope);
  }
}
