package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import io.opentelemetry.api.OpenTelemetry;
import net.bytebuddy.asm.Advice;

/**
 * Around the application's {@code GlobalOpenTelemetry.get()} (and {@code getOrNoop()}): the
 * agent-backed OpenTelemetry, without running the original (which would try to autoconfigure and
 * set a no-op global).
 */
public final class GlobalOpenTelemetryGetAdvice {

  private GlobalOpenTelemetryGetAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static OpenTelemetry enter() {
    return ApplicationBridge.openTelemetry();
  }

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static OpenTelemetry exit(@Advice.Enter OpenTelemetry bridged, @Advice.Return OpenTelemetry original) {
    return bridged != null ? bridged : original;
  }
}
