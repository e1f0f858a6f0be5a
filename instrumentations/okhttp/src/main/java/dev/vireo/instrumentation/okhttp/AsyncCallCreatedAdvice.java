package dev.vireo.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;

/** {@code AsyncCall} is created by {@code enqueue} on the caller's thread: remember the caller's context. */
public final class AsyncCallCreatedAdvice {

  private AsyncCallCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Runnable asyncCall) {
    EnqueuedContext.capture(asyncCall);
  }
}
