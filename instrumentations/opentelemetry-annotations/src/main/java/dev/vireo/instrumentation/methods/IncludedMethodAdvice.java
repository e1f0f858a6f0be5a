package dev.vireo.instrumentation.methods;

import dev.vireo.instrumentation.tracedmethods.TracedMethodCalls;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Around a method of {@code otel.instrumentation.methods.include} that returns an object: an
 * asynchronous result may be replaced by one that ends the span when it terminates.
 */
public final class IncludedMethodAdvice {

  private IncludedMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type, @Advice.Origin("#m#d") String signature, @Advice.AllArguments Object[] arguments) {
    return TracedMethodCalls.start(IncludedMethodSpans.INSTRUMENTERS, type, signature, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(
      @Advice.Enter Object call,
      @Advice.Origin("#r") String declaredReturnType,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable error) {
    return TracedMethodCalls.end(call, result, declaredReturnType, error);
  }
}
