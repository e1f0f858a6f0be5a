package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** After {@code Connection.createStatement(sql)}: the statement's SQL and connection are remembered. */
public final class CreateStatementAdvice {

  private CreateStatementAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This Object connection, @Advice.Argument(0) String sql, @Advice.Return Object statement) {
    ExecutionSpans.statementCreated(connection, sql, statement);
  }
}
