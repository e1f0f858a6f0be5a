package dev.vireo.smoke.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.OtlpReceiver;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With a metrics exporter configured, the exporter's health also goes out as OpenTelemetry metrics. */
class ExporterHealthMetricsSmokeTest {

  @Test
  void healthCountersAreExportedAsMetrics() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open();
        LoadAppProcess app =
            LoadAppProcess.start(
                receiver.httpEndpoint(), Map.of("otel.metrics.exporter", "otlp", "otel.metric.export.interval", "500"))) {
      app.load(20, "/counted");
      receiver.awaitSpanCount(20, Duration.ofSeconds(30));
      Set<String> expected =
          Set.of(
              "vireo.exporter.spans.exported",
              "vireo.exporter.spans.failed",
              "vireo.exporter.exports.failed",
              "vireo.exporter.healthy",
              "otel.sdk.processor.span.processed",
              "otel.sdk.processor.span.queue.size",
              "otel.sdk.processor.span.queue.capacity");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!receiver.metricNames().containsAll(expected) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(receiver.metricNames()).containsAll(expected);
    }
  }
}
