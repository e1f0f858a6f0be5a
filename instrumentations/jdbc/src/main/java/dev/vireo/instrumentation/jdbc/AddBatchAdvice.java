package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/** After {@code PreparedStatement.addBatch()}: counts the parameter sets of the batch. */
public final class AddBatchAdvice {

  private AddBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object statement) {
    StatementSpans.addedToBatch(statement, null);
  }
}
