package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/** After {@code FutureTask(Callable)} / {@code FutureTask(Runnable, V)}. */
public final class FutureTaskCreatedAdvice {

  private FutureTaskCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object task, @Advice.Argument(0) Object work) {
    TaskCreation.onCreated(task, work);
  }
}
