package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Around a run that may come again: FutureTask.runAndReset (periodic scheduled tasks) and
 * CompletableFuture completions' tryFire (called when pushed, when the source completes and when run
 * asynchronously). The context stays attached until the task is collected.
 */
public final class RepeatedRunAdvice {

  private RepeatedRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object task) {
    return TaskScopes.enter(task, false);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    TaskScopes.exit(scope);
  }
}
