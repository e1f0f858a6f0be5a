package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * ThreadPoolExecutor.reject(Runnable), on every rejection path (execute, schedule, shut down): the
 * task's context is released at once; a caller-runs policy runs it on the submitting thread, whose
 * context is already current.
 */
public final class TaskRejectedAdvice {

  private TaskRejectedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) Runnable task) {
    TaskContexts.detach(task);
  }
}
