package dev.vireo.tooling.runtime;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.List;

/**
 * What the metrics settings mean for the agent, under the OpenTelemetry Java agent's keys: whether metrics
 * go anywhere at all, and which runtime metrics are wanted.
 */
public final class RuntimeTelemetrySettings {

  static final String ENABLED = "otel.instrumentation.runtime-telemetry.enabled";
  static final String EXPERIMENTAL = "otel.instrumentation.runtime-telemetry.emit-experimental-telemetry";
  static final String CAPTURE_GC_CAUSE = "otel.instrumentation.runtime-telemetry.capture-gc-cause";

  private final boolean metricsExported;
  private final boolean enabled;
  private final boolean experimental;
  private final boolean captureGcCause;
  private final long exportIntervalMillis;

  private RuntimeTelemetrySettings(
      boolean metricsExported, boolean enabled, boolean experimental, boolean captureGcCause, long exportIntervalMillis) {
    this.metricsExported = metricsExported;
    this.enabled = enabled;
    this.experimental = experimental;
    this.captureGcCause = captureGcCause;
    this.exportIntervalMillis = exportIntervalMillis;
  }

  public static RuntimeTelemetrySettings from(InstrumentationConfig config) {
    List<String> exporters = config.getList("otel.metrics.exporter");
    // unset means the default, otlp
    boolean exported = !exporters.contains("none");
    boolean enabled =
        config.getBoolean(ENABLED, config.getBoolean("otel.instrumentation.common.default-enabled", true));
    return new RuntimeTelemetrySettings(
        exported,
        enabled,
        config.getBoolean(EXPERIMENTAL, false),
        config.getBoolean(CAPTURE_GC_CAUSE, false),
        parseMillis(config.getString("otel.metric.export.interval"), 60_000));
  }

  /** A metrics exporter is configured ({@code otel.metrics.exporter} is not {@code none}). */
  public boolean metricsExported() {
    return metricsExported;
  }

  /** The JVM runtime metrics are to be registered. */
  public boolean runtimeMetricsEnabled() {
    return metricsExported && enabled;
  }

  public boolean experimental() {
    return experimental;
  }

  public boolean captureGcCause() {
    return captureGcCause;
  }

  /** {@code otel.metric.export.interval}: the SDK's default 60 s when unset or unreadable. */
  public long exportIntervalMillis() {
    return exportIntervalMillis;
  }

  /** A duration as the SDK's autoconfiguration reads it: a number (milliseconds) with an optional unit. */
  static long parseMillis(String value, long defaultMillis) {
    if (value == null || value.trim().isEmpty()) {
      return defaultMillis;
    }
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    int unitStart = 0;
    while (unitStart < v.length() && Character.isDigit(v.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0) {
      return defaultMillis;
    }
    long number;
    try {
      number = Long.parseLong(v.substring(0, unitStart));
    } catch (NumberFormatException e) {
      return defaultMillis;
    }
    switch (v.substring(unitStart).trim()) {
      case "":
      case "ms":
        return number;
      case "s":
        return number * 1000;
      case "m":
        return number * 60_000;
      case "h":
        return number * 3_600_000;
      case "d":
        return number * 86_400_000;
      default:
        return defaultMillis;
    }
  }
}
