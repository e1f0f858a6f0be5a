package dev.vireo.instrumentation.jedis3;

import net.bytebuddy.asm.Advice;

/** Around a transaction's {@code discard()}: its commands make no span, nor does the DISCARD. */
public final class DiscardAdvice {

  private DiscardAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object transaction) {
    return Jedis3Spans.discard(transaction);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    Jedis3Spans.unsuppress(scope);
  }
}
