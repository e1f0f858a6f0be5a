package dev.vireo.instrumentation.opentelemetryannotations;

import dev.vireo.instrumentation.tracedmethods.TracedMethodCalls;
import net.bytebuddy.asm.Advice;

/** Around a {@code @WithSpan} method that returns nothing or a primitive. */
public final class WithSpanPrimitiveAdvice {

  private WithSpanPrimitiveAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type, @Advice.Origin("#m#d") String signature, @Advice.AllArguments Object[] arguments) {
    return TracedMethodCalls.start(WithSpanSpans.INSTRUMENTERS, type, signature, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable error) {
    TracedMethodCalls.end(call, error);
  }
}
