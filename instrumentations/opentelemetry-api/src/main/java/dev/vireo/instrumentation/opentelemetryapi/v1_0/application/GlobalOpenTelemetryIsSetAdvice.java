package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** After the application's {@code GlobalOpenTelemetry.isSet()} (API 1.5x and later): the agent's is set. */
public final class GlobalOpenTelemetryIsSetAdvice {

  private GlobalOpenTelemetryIsSetAdvice() {}

  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static Object exit(@Advice.Return boolean set) {
    return set || ApplicationBridge.openTelemetry() != null;
  }
}
