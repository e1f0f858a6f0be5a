package dev.vireo.instrumentation.jedis;

import net.bytebuddy.asm.Advice;

/**
 * Around {@code JedisFactory}'s pool callbacks (make, activate, validate, passivate, destroy): the
 * commands a {@code JedisPool} sends to keep its connections ({@code PING} on validation, {@code
 * SELECT} on activation, also from the evictor thread) get no span, as a JDBC pool's validation gets none.
 */
public final class PoolHousekeepingAdvice {

  private PoolHousekeepingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return JedisSpans.suppress();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    JedisSpans.unsuppress(scope);
  }
}
