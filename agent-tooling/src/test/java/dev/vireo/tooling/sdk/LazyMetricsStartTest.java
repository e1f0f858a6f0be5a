package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
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
    try (OtlpMetricsReceiver receiver = new OtlpMetricsReceiver()) {
      // runtime metrics off: the thread must not build an SDK, but must still start the export of the others
      sdk = otlpWithoutRuntimeMetrics(receiver, 3_600_000);
      sdk.get().getMeter("test").counterBuilder("requests").build().add(2);
      assertThat(sdk.metricExportStarted()).isFalse();

      LazyMetricsStart.schedule(sdk, 50, false);

      assertThat(receiver.awaitExports(1, Duration.ofSeconds(20))).isEqualTo(1);
      assertThat(receiver.exportNames(0, "requests")).isTrue();
      assertThat(receiver.exportNames(0, "jvm.memory.used")).isFalse();
    }
  }

  @Test
  void whenTheFirstExportCameDueBeforeAnySpanTheSdkStartsTheExportWhenBuilt() throws Exception {
    try (OtlpMetricsReceiver receiver = new OtlpMetricsReceiver()) {
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
      boolean named = false;
      while (!named && System.nanoTime() < deadline) {
        receiver.awaitExports(1, Duration.ofMillis(100));
        for (int i = 0; i < receiver.exports() && !named; i++) {
          named = receiver.exportNames(i, "requests");
        }
      }
      assertThat(named).isTrue();
      assertThat(sdk.metricExportStarted()).isTrue();
    }
  }

  /** OTLP metrics to {@code receiver}, JVM runtime metrics off: the start thread then builds no SDK of its own. */
  private AgentSdk otlpWithoutRuntimeMetrics(OtlpMetricsReceiver receiver, long intervalMillis) {
    return new AgentSdk(
        AgentConfig.load(
            "otel.traces.exporter=none;otel.logs.exporter=none;otel.instrumentation.runtime-telemetry.enabled=false;"
                + "otel.metric.export.interval=" + intervalMillis + ";otel.exporter.otlp.endpoint=" + receiver.endpoint()),
        getClass().getClassLoader(),
        SdkCustomizer.NONE);
  }
}
