package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * After {@code ConnectionFactory.create()}: the connections publisher is replaced by one in whose
 * subscription the driver's own set-up statements get no span, and that tells each connection where
 * it goes when the factory's options are known.
 */
public final class CreateConnectionAdvice {

  private CreateConnectionAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This Object factory, @Advice.Return Object connections) {
    return ConnectionInfos.creation(factory, connections);
  }
}
