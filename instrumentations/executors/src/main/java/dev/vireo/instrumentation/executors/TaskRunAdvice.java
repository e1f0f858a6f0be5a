package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/** Around a task that runs once (FutureTask.run, ForkJoinTask.doExec, CompletableFuture async tasks). */
public final class TaskRunAdvice {

  private TaskRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object task) {
    return TaskScopes.enter(task, true);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    TaskScopes.exit(scope);
  }
}
