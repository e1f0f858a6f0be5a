package dev.vireo.instrumentation.executors;

import io.opentelemetry.context.Context;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import net.bytebuddy.asm.Advice;

/**
 * ThreadPoolExecutor.execute(Runnable): a plain Runnable is wrapped with the current context (see
 * {@link ContextRunnable}). FutureTasks and ForkJoinTasks carry their own context already and are
 * passed through unchanged; with no context current nothing is allocated.
 */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  @Advice.AssignReturned.AsScalar(skipOnDefaultValue = true) // an unlinked call site returns null: keep the task
  public static Runnable enter(@Advice.Argument(0) Runnable task) {
    Context context = TaskContexts.toPropagate();
    if (context == null
        || task == null
        || task instanceof FutureTask
        || task instanceof ForkJoinTask
        || task instanceof ContextRunnable
        || InternalTasks.isInternal(task)) {
      return task;
    }
    return new ContextRunnable(task, context);
  }
}
