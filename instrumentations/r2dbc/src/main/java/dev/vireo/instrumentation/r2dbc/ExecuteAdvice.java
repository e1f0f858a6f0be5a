package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * After {@code Statement.execute()} and {@code Batch.execute()}: the results publisher is replaced
 * by one that traces each subscription (nothing runs before that, so no span starts at assembly).
 */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This Object statementOrBatch, @Advice.Return Object results) {
    return ExecutionSpans.traced(statementOrBatch, results);
  }
}
