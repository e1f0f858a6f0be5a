package dev.vireo.instrumentation.jedis;

import net.bytebuddy.asm.Advice;

/** Around a pipeline's {@code sync()} / {@code syncAndReturnAll()} and a transaction's {@code exec()}. */
public final class SyncAdvice {

  private SyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object batch) {
    return JedisSpans.startBatch(batch);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    JedisSpans.end(call, thrown);
  }
}
