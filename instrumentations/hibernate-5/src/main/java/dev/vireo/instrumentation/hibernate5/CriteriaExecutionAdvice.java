package dev.vireo.instrumentation.hibernate5;

import dev.vireo.instrumentation.api.CurrentSpanCall;
import net.bytebuddy.asm.Advice;

/** Around a legacy {@code Criteria}'s execution ({@code list}, ...): the logic is in {@link Hibernate5Spans}. */
public final class CriteriaExecutionAdvice {

  private CriteriaExecutionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object criteria, @Advice.Origin("#m") String method) {
    return Hibernate5Spans.startCriteriaExecution(criteria, method);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable thrown) {
    CurrentSpanCall.endIfStarted(operation, thrown);
  }
}
