package dev.vireo.instrumentation.jedis;

import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;

/** Before a pipeline's or transaction's {@code appendCommand(CommandObject)}: the command joins the batch. */
public final class AppendCommandAdvice {

  private AppendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This Object batch,
      @Advice.FieldValue("connection") Connection connection,
      @Advice.Argument(0) CommandObject<?> command) {
    JedisSpans.queued(batch, connection, command);
  }
}
