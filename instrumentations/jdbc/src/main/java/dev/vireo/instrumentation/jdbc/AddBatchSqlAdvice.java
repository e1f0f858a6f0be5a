package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/** After {@code Statement.addBatch(sql)}: remembers the SQL for the batch's span. */
public final class AddBatchSqlAdvice {

  private AddBatchSqlAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object statement, @Advice.Argument(0) String sql) {
    StatementSpans.addedToBatch(statement, sql);
  }
}
