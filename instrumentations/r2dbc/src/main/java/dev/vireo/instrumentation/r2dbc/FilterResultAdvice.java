package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** After {@code Result.filter}: the filtered result belongs to the same execution. */
public final class FilterResultAdvice {

  private FilterResultAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object result, @Advice.Return Object filtered) {
    ExecutionSpans.resultDerived(result, filtered);
  }
}
