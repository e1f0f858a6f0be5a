package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/** Around {@code Statement.execute/executeQuery/executeUpdate/executeLargeUpdate(sql, ...)}. */
public final class ExecuteSqlAdvice {

  private ExecuteSqlAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object statement, @Advice.Argument(0) String sql) {
    return StatementSpans.startSql(statement, sql);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    StatementSpans.end(call, thrown);
  }
}
