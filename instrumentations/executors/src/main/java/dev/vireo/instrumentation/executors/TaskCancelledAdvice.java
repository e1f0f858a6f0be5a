package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * After FutureTask.cancel / ForkJoinTask.cancel: a cancelled task may wait in a queue for a long time
 * (a ScheduledThreadPoolExecutor keeps cancelled tasks until their delay passes), so its context is
 * released now rather than when the task is collected.
 */
public final class TaskCancelledAdvice {

  private TaskCancelledAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object task, @Advice.Return boolean cancelled) {
    if (cancelled) {
      TaskContexts.detach(task);
    }
  }
}
