package dev.vireo.instrumentation.jedis;

import java.net.Socket;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisSocketFactory;

/**
 * Before {@code Connection.sendCommand(CommandArguments)}, which every command passes: starts the span
 * of a command a {@code Jedis} method sends directly (see {@link DirectCommandAdvice}), then notes a SELECT
 * (so a SELECT's own span names the database it was sent from).
 */
public final class SendCommandAdvice {

  private SendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Connection connection,
      @Advice.FieldValue("socket") Socket socket,
      @Advice.FieldValue("socketFactory") JedisSocketFactory socketFactory,
      @Advice.Argument(0) CommandArguments arguments) {
    JedisSpans.directCommandSent(connection, socket, socketFactory, arguments);
    JedisConnections.sent(connection, socket, socketFactory, arguments);
  }
}
