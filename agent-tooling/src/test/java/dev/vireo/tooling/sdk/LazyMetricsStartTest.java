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

    LazyMetricsStart.schedule(sdk, 50);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (exporter.getFinishedMetricItems().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sdk.isBuilt()).isTrue();
    assertThat(exporter.getFinishedMetricItems().stream().map(MetricData::getName).collect(Collectors.toSet()))
        .contains("jvm.memory.used", "jvm.cpu.time", "jvm.class.count");
  }
}
