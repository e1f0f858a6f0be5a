package dev.vireo.instrumentation.lettuce;

import net.bytebuddy.asm.Advice;

/**
 * Before {@code RedisClient.connectStatefulAsync(connection, ..., redisURI, ...)}: the connection
 * starts on the URI's database (Lettuce 6 and later select it in the handshake, unseen by dispatch).
 */
public final class ConnectAdvice {

  private ConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.AllArguments Object[] args) {
    LettuceConnections.connecting(args);
  }
}
