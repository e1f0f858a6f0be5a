package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/** After {@code ForkJoinTask()}, which every fork/join task and CompletableFuture completion calls. */
public final class ForkJoinTaskCreatedAdvice {

  private ForkJoinTaskCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object task) {
    TaskCreation.onCreated(task, task);
  }
}
