package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import java.util.function.Consumer;

/** A log record through the application's own logs API (1.27 and later), in the logger the caller names. */
public final class OrderLogs implements Consumer<String> {

  @Override
  public void accept(String loggerName) {
    GlobalOpenTelemetry.get()
        .getLogsBridge()
        .get(loggerName)
        .logRecordBuilder()
        .setSeverity(Severity.WARN)
        .setSeverityText("WARN")
        .setBody("order 42 is late")
        .setAttribute(AttributeKey.stringKey("order.id"), "42")
        .emit();
  }
}
