package dev.vireo.instrumentation.jedis3;

import net.bytebuddy.asm.Advice;
import redis.clients.jedis.Connection;

/** After {@code Connection.readProtocolWithCheckingBroken()}, which reads every reply: the oldest command's span ends. */
public final class ReadReplyAdvice {

  private ReadReplyAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Connection connection, @Advice.Thrown Throwable thrown) {
    Jedis3Spans.replied(connection, thrown);
  }
}
