package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.vireo.testing.otlp.OtlpReceiver.metricNamesOf;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.tooling.config.AgentConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without any span, the metrics pipeline starts when the first export is due, and exports right then. */
class LazyMetricsStartTest {

  private AgentSdk sdk;

  @AfterEach
  void shutdown() {
    VireoTelemetry.install(OpenTelemetry::noop);
    if (sdk != null) {
      sdk.shutdown();
    }
  }

  @Test
  void theFirstExportIntervalBuildsTheSdkAndExportsTheRuntimeMetricsAtOnce() throws Exception {
    InMemoryMetricExporter exporter = InMemoryMetricExporter.create();
    AgentConfig config =
        AgentConfig.load("otel.traces.exporter=none;otel.metrics.exporter=console;otel.logs.exporter=none");
    sdk =
        new AgentSdk(
            config,
            getClass().getClassLoader(),
            new SdkCustomizer() {
              @Override
              public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
                // a reader that would export only after an hour: an export seen now is the start's own
                builder.addMeterProviderCustomizer(
                    (meterProvider, properties) ->
                        meterProvider.registerMetricReader(
                            PeriodicMetricReader.builder((MetricExporter) exporter)
                                .setInterval(Duration.ofHours(1))
                                .build()));
              }
            });
    VireoTelemetry.install(sdk);
    assertThat(sdk.isBuilt()).isFalse();

    LazyMetricsStart.schedule(sdk, 50, true);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (exporter.getFinishedMetricItems().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sdk.isBuilt()).isTrue();
    assertThat(exporter.getFinishedMetricItems().stream().map(MetricData::getName).collect(Collectors.toSet()))
        .contains("jvm.memory.used", "jvm.cpu.time", "jvm.class.count");
  }

  @Test
  void whenASpanBuiltTheSdkTheFirstIntervalStartsTheOtlpMetricExport() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      // runtime metrics off: the thread must not build an SDK, but must still start the export of the others
      sdk = otlpWithoutRuntimeMetrics(receiver, 3_600_000);
      sdk.get().getMeter("test").counterBuilder("requests").build().add(2);
      assertThat(sdk.metricExportStarted()).isFalse();

      LazyMetricsStart.schedule(sdk, 50, false);

      receiver.awaitMetricsRequests(1, Duration.ofSeconds(20));
      assertThat(receiver.metricsRequests()).hasSize(1);
      assertThat(metricNamesOf(receiver.metricsRequests().get(0))).contains("requests").doesNotContain("jvm.memory.used");
    }
  }

  @Test
  void whenTheFirstExportCameDueBeforeAnySpanTheSdkStartsTheExportWhenBuilt() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      sdk = otlpWithoutRuntimeMetrics(receiver, 300);
      LazyMetricsStart.schedule(sdk, 0, false);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!sdk.metricExportOverdue() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(sdk.metricExportOverdue()).isTrue();
      assertThat(sdk.isBuilt()).isFalse(); // runtime metrics off: nothing to export without an SDK

      sdk.get().getMeter("test").counterBuilder("requests").build().add(2);

      deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!receiver.metricNames().contains("requests") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(receiver.metricNames()).contains("requests");
      assertThat(sdk.metricExportStarted()).isTrue();
    }
  }

  /** OTLP metrics to {@code receiver}, JVM runtime metrics off: the start thread then builds no SDK of its own. */
  private AgentSdk otlpWithoutRuntimeMetrics(OtlpReceiver receiver, long intervalMillis) {
    return new AgentSdk(
        AgentConfig.load(
            "otel.traces.exporter=none;otel.logs.exporter=none;otel.instrumentation.runtime-telemetry.enabled=false;"
                + "otel.metric.export.interval=" + intervalMillis + ";otel.exporter.otlp.endpoint=" + receiver.httpEndpoint()),
        getClass().getClassLoader(),
        SdkCustomizer.NONE);
  }
}
