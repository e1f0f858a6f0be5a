package dev.vireo.instrumentation.jedis3;

import net.bytebuddy.asm.Advice;

/** Around {@code Jedis.multi()}: the MULTI that opens a transaction is part of the transaction's span, not one of its own. */
public final class MultiAdvice {

  private MultiAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return Jedis3Spans.suppress();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    Jedis3Spans.unsuppress(scope);
  }
}
