package dev.vireo.instrumentation.opentelemetryapi.logs.application;

import io.opentelemetry.api.logs.LoggerProvider;
import net.bytebuddy.asm.Advice;

/** After the API's default {@code OpenTelemetry.getLogsBridge()}: the agent's loggers for the bridged OpenTelemetry. */
public final class GetLogsBridgeAdvice {

  private GetLogsBridgeAdvice() {}

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static LoggerProvider exit(@Advice.This Object openTelemetry, @Advice.Return LoggerProvider original) {
    return ApplicationLoggerProvider.forOpenTelemetry(openTelemetry, original);
  }
}
