package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import io.opentelemetry.api.metrics.MeterProvider;
import net.bytebuddy.asm.Advice;

/** After the API's default {@code OpenTelemetry.getMeterProvider()}: the agent's meters for the bridged OpenTelemetry. */
public final class GetMeterProviderAdvice {

  private GetMeterProviderAdvice() {}

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static MeterProvider exit(@Advice.This Object openTelemetry, @Advice.Return MeterProvider original) {
    return ApplicationMeterProvider.forOpenTelemetry(openTelemetry, original);
  }
}
