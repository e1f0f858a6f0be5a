package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** After {@code Batch.add(sql)}: one more statement in the batch. */
public final class AddSqlAdvice {

  private AddSqlAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object batch, @Advice.Argument(0) String sql) {
    ExecutionSpans.sqlAdded(batch, sql);
  }
}
