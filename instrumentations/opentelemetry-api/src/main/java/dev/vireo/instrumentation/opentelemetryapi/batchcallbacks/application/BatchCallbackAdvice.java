package dev.vireo.instrumentation.opentelemetryapi.batchcallbacks.application;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The API's default {@code Meter.batchCallback}: a bridged meter registers the callback with the agent's. */
public final class BatchCallbackAdvice {

  private BatchCallbackAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(
      @Advice.This Object meter,
      @Advice.Argument(0) Runnable callback,
      @Advice.Argument(1) Object first,
      @Advice.Argument(2) Object[] more,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object original) {
    return ApplicationBatchCallback.register(meter, callback, first, more, original);
  }
}
