package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * After {@code Result.map}, {@code Result.flatMap} and {@code Result.getRowsUpdated}: the values
 * publisher is replaced by one that keeps the execution's span open while it runs and reports its
 * error.
 */
public final class ConsumeResultAdvice {

  private ConsumeResultAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This Object result, @Advice.Return Object values) {
    return ExecutionSpans.consumption(result, values);
  }
}
