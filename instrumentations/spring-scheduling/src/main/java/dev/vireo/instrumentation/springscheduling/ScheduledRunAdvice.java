package dev.vireo.instrumentation.springscheduling;

import net.bytebuddy.asm.Advice;

/** Around {@code ScheduledMethodRunnable.run()}: the logic is in {@link ScheduledMethodSpans}. */
public final class ScheduledRunAdvice {

  private ScheduledRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object runnable) {
    return ScheduledMethodSpans.startMethodRun(runnable);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    ScheduledMethodSpans.end(call, thrown);
  }
}
