package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which meters instrumentations get, and what the SDK registers on them, by metrics setting. */
class AgentSdkMetricsTest {

  private static final String NO_METRICS =
      "otel.traces.exporter=none;otel.metrics.exporter=none;otel.logs.exporter=none";

  private AgentSdk sdk;

  @AfterEach
  void shutdown() {
    if (sdk != null) {
      sdk.shutdown();
    }
  }

  @Test
  void withoutMetricsExporterInstrumentationsRecordNoMetricAtAll() {
    sdk = new AgentSdk(AgentConfig.load(NO_METRICS), getClass().getClassLoader(), SdkCustomizer.NONE);
    OpenTelemetry openTelemetry = sdk.get();

    assertThat(openTelemetry.getMeterProvider()).isSameAs(MeterProvider.noop());
    // propagation is the agent's as ever
    assertThat(openTelemetry.getPropagators().getTextMapPropagator().fields()).contains("traceparent", "baggage");
  }

  @Test
  void aMetricReaderOfTheEmbedderStillGetsTheInstrumentationsMetricsButNoRuntimeMetrics() {
    InMemoryMetricReader reader = sdkReadBy(NO_METRICS);

    sdk.get().getMeterProvider().get("test").histogramBuilder("test.duration").build().record(1.5);

    Collection<MetricData> metrics = reader.collectAllMetrics();
    assertThat(names(metrics)).contains("test.duration").noneMatch(name -> name.startsWith("jvm."));
  }

  @Test
  void withMetricsExportedTheRuntimeMetricsAreRegistered() {
    InMemoryMetricReader reader = sdkReadBy("otel.traces.exporter=none;otel.metrics.exporter=console;otel.logs.exporter=none");

    assertThat(sdk.get().getMeterProvider()).isNotSameAs(MeterProvider.noop());
    assertThat(names(reader.collectAllMetrics()))
        .contains("jvm.memory.used", "jvm.thread.count", "jvm.class.loaded", "jvm.cpu.time", "jvm.cpu.count");
  }

  @Test
  void runtimeTelemetryCanBeSwitchedOff() {
    InMemoryMetricReader reader =
        sdkReadBy(
            "otel.traces.exporter=none;otel.metrics.exporter=console;otel.logs.exporter=none;"
                + "otel.instrumentation.runtime-telemetry.enabled=false");

    sdk.get().getMeterProvider().get("test").counterBuilder("probe").build().add(1);

    assertThat(names(reader.collectAllMetrics())).contains("probe").noneMatch(name -> name.startsWith("jvm."));
  }

  @Test
  void spansRecordNoPerSpanSdkMetricsButTheBatchProcessorReportsItsQueue() {
    InMemoryMetricReader reader =
        sdkReadBy(
            "otel.traces.exporter=otlp;otel.exporter.otlp.endpoint=http://127.0.0.1:9;"
                + "otel.java.exporter.otlp.retry.disabled=true;otel.metrics.exporter=console;"
                + "otel.logs.exporter=none;otel.instrumentation.runtime-telemetry.enabled=false");

    sdk.get().getTracer("test").spanBuilder("request").startSpan().end();

    assertThat(names(reader.collectAllMetrics()))
        .contains("otel.sdk.processor.span.queue.size")
        .noneMatch(name -> name.startsWith("otel.sdk.span."));
  }

  /** Builds the agent's SDK from {@code settings} with an in-memory reader added, and returns the reader. */
  private InMemoryMetricReader sdkReadBy(String settings) {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    sdk = new AgentSdk(AgentConfig.load(settings), getClass().getClassLoader(), addingReader(reader));
    return reader;
  }

  private static SdkCustomizer addingReader(InMemoryMetricReader reader) {
    return new SdkCustomizer() {
      @Override
      public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addMeterProviderCustomizer((meterProvider, config) -> meterProvider.registerMetricReader(reader));
      }

      @Override
      public boolean addsMetricReader() {
        return true;
      }
    };
  }

  private static Collection<String> names(Collection<MetricData> metrics) {
    return metrics.stream().map(MetricData::getName).collect(Collectors.toSet());
  }
}
