package dev.vireo.instrumentation.jedis3;

import net.bytebuddy.asm.Advice;
import redis.clients.jedis.Connection;
import redis.clients.jedis.commands.ProtocolCommand;

/** Around {@code Connection.sendCommand(ProtocolCommand, byte[]...)}: the command's span starts. */
public final class SendCommandAdvice {

  private SendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This Connection connection,
      @Advice.Argument(0) ProtocolCommand command,
      @Advice.Argument(1) byte[][] args) {
    Jedis3Spans.sending(connection, command, args);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Connection connection, @Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      Jedis3Spans.notSent(connection, thrown);
    }
  }
}
