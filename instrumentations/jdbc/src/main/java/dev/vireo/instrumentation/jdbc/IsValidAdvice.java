package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/**
 * Around {@code Connection.isValid(timeout)}: a pool's liveness check, which some drivers run as a
 * statement (pgjdbc executes an empty query). It is not an application query, so it gets no span.
 */
public final class IsValidAdvice {

  private IsValidAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return StatementSpans.suppress();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    StatementSpans.unsuppress(scope);
  }
}
