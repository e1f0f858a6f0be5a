package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** After {@code Connection.createBatch()}: the batch's connection is remembered. */
public final class CreateBatchAdvice {

  private CreateBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object connection, @Advice.Return Object batch) {
    ExecutionSpans.batchCreated(connection, batch);
  }
}
