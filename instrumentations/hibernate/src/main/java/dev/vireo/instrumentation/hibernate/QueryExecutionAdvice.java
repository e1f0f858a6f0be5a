package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.CurrentSpanCall;
import net.bytebuddy.asm.Advice;

/** Around a query's execution ({@code list}, {@code executeUpdate} ...): the logic is in {@link HibernateSpans}. */
public final class QueryExecutionAdvice {

  private QueryExecutionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object query) {
    return HibernateSpans.OPERATIONS.startQueryExecution(query);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable thrown) {
    CurrentSpanCall.endIfStarted(operation, thrown);
  }
}
