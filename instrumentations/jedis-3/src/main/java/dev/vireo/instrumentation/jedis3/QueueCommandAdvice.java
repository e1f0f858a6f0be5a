package dev.vireo.instrumentation.jedis3;

import net.bytebuddy.asm.Advice;
import redis.clients.jedis.Client;

/**
 * After a pipeline's or transaction's {@code getClient(key)}, which each of its commands calls just before sending on
 * the client it returns: that command joins the batch.
 */
public final class QueueCommandAdvice {

  private QueueCommandAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object batchOwner, @Advice.Return Client client) {
    Jedis3Spans.queueing(batchOwner, client);
  }
}
