package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * After {@code ConnectionFactory.create()} of a factory with known options: the connection
 * publisher is replaced by one that tells each connection it emits where it goes.
 */
public final class CreateConnectionAdvice {

  private CreateConnectionAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This Object factory, @Advice.Return Object connections) {
    return ConnectionInfos.tagging(factory, connections);
  }
}
