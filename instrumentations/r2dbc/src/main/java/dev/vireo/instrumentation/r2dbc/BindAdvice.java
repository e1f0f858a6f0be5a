package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** Before {@code Statement.bind/bindNull}: the statement's current binding has a value. */
public final class BindAdvice {

  private BindAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object statement) {
    ExecutionSpans.bound(statement);
  }
}
