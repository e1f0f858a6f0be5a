package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/** Around {@code PreparedStatement.execute/executeQuery/executeUpdate/executeLargeUpdate()}. */
public final class ExecutePreparedAdvice {

  private ExecutePreparedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object statement) {
    return StatementSpans.startPrepared(statement);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    StatementSpans.end(call, thrown);
  }
}
