package dev.vireo.smoke.extension.demo;

import net.bytebuddy.asm.Advice;

/** Around {@code OrderApp.place}; the span work is in {@link OrderSpans}. */
public final class PlaceOrderAdvice {

  private PlaceOrderAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) String orderId) {
    return OrderSpans.start(orderId);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state, @Advice.Thrown Throwable thrown) {
    OrderSpans.end(state, thrown);
  }
}
