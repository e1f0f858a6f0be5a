package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** After {@code Statement.add()} returned normally: one more set of bindings to execute with. */
public final class AddBindingsAdvice {

  private AddBindingsAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object statement) {
    ExecutionSpans.bindingsAdded(statement);
  }
}
