package dev.vireo.instrumentation.springscheduling;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On a Spring task scheduler's {@code schedule(Runnable, Trigger)}, {@code scheduleAtFixedRate} and {@code
 * scheduleWithFixedDelay}: the task is replaced by a traced one ({@link ScheduledTasks}); a null array (nothing to
 * replace, or a failure) leaves it as it is.
 */
public final class ScheduleTaskAdvice {

  private ScheduleTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) Runnable task) {
    return ScheduledTasks.traced(task);
  }
}
