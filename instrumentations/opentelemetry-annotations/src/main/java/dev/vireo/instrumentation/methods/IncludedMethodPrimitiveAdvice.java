package dev.vireo.instrumentation.methods;

import dev.vireo.instrumentation.tracedmethods.TracedMethodCalls;
import net.bytebuddy.asm.Advice;

/** Around a method of {@code otel.instrumentation.methods.include} that returns nothing or a primitive. */
public final class IncludedMethodPrimitiveAdvice {

  private IncludedMethodPrimitiveAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type, @Advice.Origin("#m#d") String signature, @Advice.AllArguments Object[] arguments) {
    return TracedMethodCalls.start(IncludedMethodSpans.INSTRUMENTERS, type, signature, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable error) {
    TracedMethodCalls.end(call, error);
  }
}
