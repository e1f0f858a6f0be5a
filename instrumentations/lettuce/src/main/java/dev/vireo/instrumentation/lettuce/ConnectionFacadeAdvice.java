package dev.vireo.instrumentation.lettuce;

import net.bytebuddy.asm.Advice;

/** Before {@code DefaultEndpoint.setConnectionFacade(connection)}: which connection the endpoint serves. */
public final class ConnectionFacadeAdvice {

  private ConnectionFacadeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object endpoint, @Advice.Argument(0) Object connection) {
    LettuceConnections.served(endpoint, connection);
  }
}
