package dev.vireo.instrumentation.jedis3;

import net.bytebuddy.asm.Advice;
import redis.clients.jedis.Client;

/** Around a pipeline's {@code sync()} / {@code syncAndReturnAll()} and a transaction's {@code exec()}: the batch's span. */
public final class SyncAdvice {

  private SyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object batchOwner, @Advice.FieldValue("client") Client client) {
    return Jedis3Spans.startBatch(batchOwner, client);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    Jedis3Spans.endBatch(call, thrown);
  }
}
