package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.vireo.testing.otlp.OtlpReceiver.metricNamesOf;

import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.Protocol;
import dev.vireo.testing.otlp.Signal;
import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.common.DurationMetric;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.exporter.otlp.internal.OtlpMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the OTLP metric exporter is built at the first export, not inside the first traced call (which builds
 * the SDK), and nothing measured before that is lost.
 */
class DeferredOtlpMetricReaderTest {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");

  private OtlpReceiver receiver;
  private AgentSdk sdk;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.open();
  }

  @AfterEach
  void stop() {
    if (sdk != null) {
      sdk.shutdown();
    }
    receiver.close();
  }

  private AgentSdk sdk(String extraSettings) {
    return new AgentSdk(
        AgentConfig.load(
            "otel.traces.exporter=none;otel.logs.exporter=none;otel.exporter.otlp.endpoint="
                + receiver.httpEndpoint()
                + ";otel.metric.export.interval=3600000"
                + extraSettings),
        getClass().getClassLoader(),
        SdkCustomizer.NONE);
  }

  @Test
  void buildingTheSdkBuildsNoMetricExporterAndTheFirstExportCarriesWhatCameBefore() throws Exception {
    sdk = sdk(""); // otel.metrics.exporter unset: otlp

    Meter meter = sdk.get().getMeter("test");
    meter.histogramBuilder("test.duration").build().record(1.5);
    assertThat(sdk.metricExportStarted()).isFalse();
    assertThat(receiver.requestCount(Protocol.HTTP, Signal.METRICS)).isZero();

    sdk.startDeferredMetricExport();

    assertThat(sdk.metricExportStarted()).isTrue();
    receiver.awaitMetricsRequests(1, Duration.ofSeconds(10));
    assertThat(receiver.metricsRequests()).hasSize(1);
    assertThat(metricNamesOf(receiver.metricsRequests().get(0))).contains("test.duration", "jvm.memory.used");
  }

  @Test
  void anInstrumentationsDurationWaitsWithoutAHistogramAndReachesTheFirstExport() throws Exception {
    sdk = sdk("");
    VireoTelemetry.install(sdk);
    try {
      DurationMetric metric =
          DurationMetric.create("test", "test.operation.duration", "d", List.of(METHOD), List.of(0.1, 1.0));
      Context started = metric.onStart(Context.root(), Attributes.of(METHOD, "GET"), 0L);
      metric.onEnd(started, Attributes.empty(), 500_000_000L);
      PendingDurations pending = ((PendingDurations.Holder) sdk.get()).pendingDurations();
      assertThat(pending.isStarted()).isFalse();

      sdk.startDeferredMetricExport();

      assertThat(pending.isStarted()).isTrue();
      receiver.awaitMetricsRequests(1, Duration.ofSeconds(10));
      Metric exported =
          OtlpReceiver.metricsOf(receiver.metricsRequests().get(0)).stream()
              .filter(m -> m.getName().equals("test.operation.duration"))
              .findFirst()
              .orElseThrow(AssertionError::new);
      assertThat(exported.getHistogram().getDataPointsList()).hasSize(1);
      assertThat(exported.getHistogram().getDataPoints(0).getCount()).isEqualTo(1);
      assertThat(exported.getHistogram().getDataPoints(0).getSum()).isEqualTo(0.5);
    } finally {
      VireoTelemetry.install(OpenTelemetry::noop);
    }
  }

  @Test
  void onceStartedItExportsEveryInterval() throws Exception {
    sdk = sdk(";otel.metric.export.interval=200");
    sdk.get().getMeter("test").counterBuilder("test.count").build().add(1);

    sdk.startDeferredMetricExport();

    receiver.awaitMetricsRequests(3, Duration.ofSeconds(20));
    assertThat(receiver.metricsRequests().size()).isGreaterThanOrEqualTo(3);
    assertThat(metricNamesOf(receiver.metricsRequests().get(2))).contains("test.count");
  }

  @Test
  void anApplicationThatEndsBeforeTheFirstExportStillHasItsMetricsExported() throws Exception {
    sdk = sdk("");
    sdk.get().getMeter("test").counterBuilder("short.lived").build().add(3);

    sdk.shutdown();
    sdk = null;

    receiver.awaitMetricsRequests(1, Duration.ofSeconds(10));
    assertThat(receiver.metricsRequests()).hasSize(1);
    assertThat(metricNamesOf(receiver.metricsRequests().get(0))).contains("short.lived");
  }

  @Test
  void theReaderAnswersTemporalityAggregationAndMemoryModeAsTheExporterWill() {
    for (String settings :
        new String[] {
          "",
          "delta;base2_exponential_bucket_histogram;immutable_data",
          "lowmemory;explicit_bucket_histogram;reusable_data"
        }) {
      Map<String, String> properties = new HashMap<>();
      if (!settings.isEmpty()) {
        String[] values = settings.split(";");
        properties.put("otel.exporter.otlp.metrics.temporality.preference", values[0]);
        properties.put("otel.exporter.otlp.metrics.default.histogram.aggregation", values[1]);
        properties.put("otel.java.exporter.memory_mode", values[2]);
      }
      ConfigProperties config = DefaultConfigProperties.createFromMap(properties);
      DeferredOtlpMetricReader reader = new DeferredOtlpMetricReader(config, getClass().getClassLoader());
      MetricExporter exporter = new OtlpMetricExporterProvider().createExporter(config);
      try {
        for (InstrumentType type : InstrumentType.values()) {
          assertThat(reader.getAggregationTemporality(type))
              .as(settings + " " + type)
              .isEqualTo(exporter.getAggregationTemporality(type));
          assertThat(reader.getDefaultAggregation(type).toString())
              .as(settings + " " + type)
              .isEqualTo(exporter.getDefaultAggregation(type).toString());
        }
        assertThat(reader.getMemoryMode()).as(settings).isEqualTo(exporter.getMemoryMode());
      } finally {
        exporter.shutdown();
      }
    }
  }

  @Test
  void onlyOtlpIsTakenOutOfAutoconfiguration() {
    assertThat(rewritten(null)).isEqualTo("none");
    assertThat(rewritten("otlp")).isEqualTo("none");
    assertThat(rewritten(" OTLP , console")).isEqualTo("console");
    assertThat(rewritten("console")).isEqualTo("not deferred");
    assertThat(rewritten("prometheus")).isEqualTo("not deferred");
    assertThat(rewritten("none")).isEqualTo("not deferred");

    Map<String, String> withExtension = new HashMap<>();
    assertThat(AgentSdk.deferOtlpMetricExport(AgentConfig.load("otel.javaagent.extensions=/opt/ext.jar"), withExtension))
        .isFalse();
    assertThat(withExtension).doesNotContainKey("otel.metrics.exporter");
  }

  private static String rewritten(String metricsExporter) {
    Map<String, String> properties = new HashMap<>();
    AgentConfig config = AgentConfig.load(metricsExporter == null ? "" : "otel.metrics.exporter=" + metricsExporter);
    return AgentSdk.deferOtlpMetricExport(config, properties) ? properties.get("otel.metrics.exporter") : "not deferred";
  }
}
