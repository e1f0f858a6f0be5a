package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/** Thread.start / VirtualThread.start: captures the starter's context for the thread's Runnable. */
public final class ThreadStartAdvice {

  private ThreadStartAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Thread thread) {
    ThreadContexts.onStart(thread);
  }
}
