package dev.vireo.instrumentation.methods;

import dev.vireo.instrumentation.tracedmethods.TracedMethodCalls;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around a method of {@code otel.instrumentation.methods.include}. */
public final class IncludedMethodAdvice {

  private IncludedMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type, @Advice.Origin("#m#d") String signature, @Advice.AllArguments Object[] arguments) {
    return TracedMethodCalls.start(IncludedMethodSpans.INSTRUMENTERS, type, signature, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable error) {
    TracedMethodCalls.end(call, result, error);
  }
}
