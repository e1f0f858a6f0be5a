package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/** After {@code Statement.clearBatch()}. */
public final class ClearBatchAdvice {

  private ClearBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object statement) {
    StatementSpans.batchCleared(statement);
  }
}
