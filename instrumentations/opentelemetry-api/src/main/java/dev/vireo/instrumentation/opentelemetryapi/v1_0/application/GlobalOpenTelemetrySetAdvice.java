package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import net.bytebuddy.asm.Advice;

/**
 * Before the application's {@code GlobalOpenTelemetry.set(...)} (an {@code OpenTelemetry}, or since
 * 1.5x a {@code Supplier} of one): skipped, the agent's stays global (warned once).
 */
public final class GlobalOpenTelemetrySetAdvice {

  private GlobalOpenTelemetrySetAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static boolean enter(@Advice.Argument(0) Object applicationOpenTelemetry) {
    return ApplicationBridge.ignoreGlobalSet(applicationOpenTelemetry);
  }
}
