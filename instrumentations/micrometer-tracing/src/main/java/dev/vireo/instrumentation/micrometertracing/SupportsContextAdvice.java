package dev.vireo.instrumentation.micrometertracing;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * After a tracing handler's {@code supportsContext}: not for what Vireo traces itself. The answer
 * is returned boxed (dynamic typing), as the other modules replace return values.
 */
public final class SupportsContextAdvice {

  private SupportsContextAdvice() {}

  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static Object exit(@Advice.Argument(0) Object context, @Advice.Return boolean supported) {
    return supported && !TracedByVireo.covers(context);
  }
}
