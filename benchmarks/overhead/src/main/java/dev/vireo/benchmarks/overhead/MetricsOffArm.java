package dev.vireo.benchmarks.overhead;

import java.util.Locale;

/**
 * What the "off" arm of the first-traced-call pairs ({@code --metrics-pairs}) switches off; the "on" arm always
 * exports metrics over OTLP with the JVM runtime metrics. {@code export} (the default): no metric export at all, so
 * the difference is everything metrics cost (the runtime metrics, the instrumentations' duration histograms, the
 * SDK's own metrics and the OTLP metric reader). {@code runtime}: the same export with
 * {@code otel.instrumentation.runtime-telemetry.enabled=false}, so the difference is the JVM runtime metrics alone.
 */
enum MetricsOffArm {
  EXPORT("`otel.metrics.exporter=none` against `otlp` (interval 60 s)", "otel.metrics.exporter=none"),
  RUNTIME("`otel.metrics.exporter=otlp` (interval 60 s) with `otel.instrumentation.runtime-telemetry.enabled=false` "
      + "against `true`: both arms export metrics, only the JVM runtime metrics differ",
      "otel.metrics.exporter=otlp", "otel.metric.export.interval=60000",
      "otel.instrumentation.runtime-telemetry.enabled=false");

  /** The "on" arm's settings, whichever the off arm is. */
  static final String[] ON_SETTINGS = {"otel.metrics.exporter=otlp", "otel.metric.export.interval=60000"};

  private final String description;
  private final String[] settings;

  MetricsOffArm(String description, String... settings) {
    this.description = description;
    this.settings = settings;
  }

  static MetricsOffArm of(String option) {
    try {
      return valueOf(option.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--metrics-pairs-off: export or runtime, not " + option, e);
    }
  }

  String description() {
    return description;
  }

  String[] settings() {
    return settings.clone();
  }
}
