package dev.vireo.tooling.sdk;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;

/** A hook on SDK construction: the test harness adds in-memory exporters through it. */
public interface SdkCustomizer {

  SdkCustomizer NONE = builder -> {};

  void customize(AutoConfiguredOpenTelemetrySdkBuilder builder);

  /**
   * Whether {@link #customize} registers a metric reader of its own. Without one, and with {@code
   * otel.metrics.exporter=none}, instrumentations get no-op meters and record no metric at all.
   */
  default boolean addsMetricReader() {
    return false;
  }

  /**
   * Whether {@link #customize} registers a log record processor of its own. Without one, and with {@code
   * otel.logs.exporter=none}, instrumentations get the no-op logger provider and build no log record.
   */
  default boolean addsLogRecordProcessor() {
    return false;
  }
}
