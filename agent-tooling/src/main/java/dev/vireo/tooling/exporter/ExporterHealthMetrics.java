package dev.vireo.tooling.exporter;

import dev.vireo.tooling.protection.CircuitBreaker;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;

/**
 * The exporter's counters as OpenTelemetry metrics (meter {@code dev.vireo.exporter}), for when a
 * metrics exporter is configured. Spans dropped for a full queue and the queue size are published by
 * the SDK's batch processor itself ({@code otel.sdk.processor.span.processed{error.type=queue_full}},
 * {@code otel.sdk.processor.span.queue.size}), so they are not repeated here.
 */
public final class ExporterHealthMetrics {

  public static final String SPANS_EXPORTED = "vireo.exporter.spans.exported";
  public static final String SPANS_FAILED = "vireo.exporter.spans.failed";
  public static final String FAILED_EXPORTS = "vireo.exporter.exports.failed";
  public static final String HEALTHY = "vireo.exporter.healthy";
  public static final String CIRCUIT_BREAKER_OPEN = "vireo.circuit_breaker.open";

  private ExporterHealthMetrics() {}

  public static void register(MeterProvider meterProvider, ExportHealth health) {
    Meter meter = meterProvider.get("dev.vireo.exporter");
    meter
        .counterBuilder(SPANS_EXPORTED)
        .setUnit("{span}")
        .setDescription("Spans the collector accepted.")
        .buildWithCallback(m -> m.record(health.spansExported()));
    meter
        .counterBuilder(SPANS_FAILED)
        .setUnit("{span}")
        .setDescription("Spans in export calls that failed after retries.")
        .buildWithCallback(m -> m.record(health.spansFailed()));
    meter
        .counterBuilder(FAILED_EXPORTS)
        .setUnit("{export}")
        .setDescription("Span export calls (batches) that failed after retries.")
        .buildWithCallback(m -> m.record(health.failedExports()));
    meter
        .gaugeBuilder(HEALTHY)
        .ofLongs()
        .setUnit("1")
        .setDescription("1 while span export works, 0 from the first failed export until the next success.")
        .buildWithCallback(m -> m.record(health.isHealthy() ? 1 : 0));
    meter
        .gaugeBuilder(CIRCUIT_BREAKER_OPEN)
        .ofLongs()
        .setUnit("1")
        .setDescription("1 while the circuit breaker stops new spans (memory pressure), else 0.")
        .buildWithCallback(m -> m.record(CircuitBreaker.isOpen() ? 1 : 0));
  }
}
