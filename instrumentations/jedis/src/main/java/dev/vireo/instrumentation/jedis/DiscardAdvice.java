package dev.vireo.instrumentation.jedis;

import net.bytebuddy.asm.Advice;

/** Before a transaction's {@code discard()}: its queued commands never run, no span. */
public final class DiscardAdvice {

  private DiscardAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object batch) {
    JedisSpans.discarded(batch);
  }
}
