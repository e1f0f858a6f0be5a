package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.apps.MetricsApp;
import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JVM runtime metrics, exemplars and metric export settings, as they arrive at a real OTLP receiver from a
 * forked JVM with the packaged agent (metric export interval 1 s).
 */
class RuntimeMetricsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** How an instrument type of the conventions arrives in OTLP. */
  enum Shape {
    COUNTER, // Counter: monotonic sum
    UP_DOWN_COUNTER, // UpDownCounter: non-monotonic sum
    GAUGE,
    HISTOGRAM
  }

  record Convention(String name, Shape shape, String unit, Set<String> attributeKeys) {}

  private static final Set<String> MEMORY = Set.of("jvm.memory.type", "jvm.memory.pool.name");

  /**
   * The stable JVM metrics as the semantic conventions list them (docs/runtime/jvm-metrics.md): name, instrument
   * type, unit and the attributes the OpenTelemetry Java agent sets by default ({@code jvm.gc.cause} is opt-in).
   */
  static final List<Convention> STABLE_JVM_METRICS =
      List.of(
          new Convention("jvm.memory.used", Shape.UP_DOWN_COUNTER, "By", MEMORY),
          new Convention("jvm.memory.committed", Shape.UP_DOWN_COUNTER, "By", MEMORY),
          new Convention("jvm.memory.limit", Shape.UP_DOWN_COUNTER, "By", MEMORY),
          new Convention("jvm.memory.used_after_last_gc", Shape.UP_DOWN_COUNTER, "By", MEMORY),
          new Convention("jvm.gc.duration", Shape.HISTOGRAM, "s", Set.of("jvm.gc.name", "jvm.gc.action")),
          new Convention(
              "jvm.thread.count", Shape.UP_DOWN_COUNTER, "{thread}", Set.of("jvm.thread.daemon", "jvm.thread.state")),
          new Convention("jvm.class.loaded", Shape.COUNTER, "{class}", Set.of()),
          new Convention("jvm.class.unloaded", Shape.COUNTER, "{class}", Set.of()),
          new Convention("jvm.class.count", Shape.UP_DOWN_COUNTER, "{class}", Set.of()),
          new Convention("jvm.cpu.time", Shape.COUNTER, "s", Set.of()),
          new Convention("jvm.cpu.count", Shape.UP_DOWN_COUNTER, "{cpu}", Set.of()),
          new Convention("jvm.cpu.recent_utilization", Shape.GAUGE, "1", Set.of()));

  @Test
  void stableJvmMetricsAndTraceExemplarsOnJdk17() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app = start(receiver, Map.of(), null)) {
      int port = port(app);
      for (int i = 0; i < 5; i++) {
        assertThat(get(port, "/hello/" + i)).isEqualTo(200);
      }
      gc(app);
      List<Metric> metrics = receiver.awaitMetrics(allStableMetricsAndAGcPoint().and(hasServerDurationExemplar()), TIMEOUT);

      assertMatchesConventions(metrics);

      // every exemplar of the server duration histogram links to an exported SERVER span
      List<ReceivedSpan> spans =
          receiver.awaitSpans(s -> s.stream().filter(span -> span.kind().equals("SERVER")).count() >= 5, TIMEOUT);
      Set<String> serverTraceIds =
          spans.stream().filter(span -> span.kind().equals("SERVER")).map(ReceivedSpan::traceId)
              .collect(Collectors.toSet());
      List<Exemplar> exemplars =
          named(metrics, "http.server.request.duration").stream()
              .flatMap(m -> m.getHistogram().getDataPointsList().stream())
              .flatMap(p -> p.getExemplarsList().stream())
              .toList();
      assertThat(exemplars).isNotEmpty();
      assertThat(exemplars)
          .allSatisfy(
              exemplar -> {
                assertThat(hex(exemplar.getTraceId().toByteArray())).isIn(serverTraceIds);
                assertThat(exemplar.getSpanId().size()).isEqualTo(8);
              });
    }
  }

  /**
   * Temurin 25, and an application that makes no span at all: the metrics pipeline still starts at the first export
   * interval and every stable metric arrives.
   */
  @Test
  void stableJvmMetricsOnTemurin25WithoutAnySpan() throws Exception {
    String temurin = System.getProperty("vireo.temurin25.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
    assertThat(Files.isExecutable(Paths.get(temurin, "bin", "java"))).as("Temurin 25 at " + temurin).isTrue();
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app = start(receiver, Map.of(), Paths.get(temurin))) {
      port(app);
      // No span builds the SDK here: the GC listener exists once the first export has arrived, so a
      // collection before that is not seen. Collect only after that signal.
      receiver.awaitMetrics(allStableMetricsBesidesGc(), TIMEOUT);
      gc(app);
      List<Metric> metrics = receiver.awaitMetrics(allStableMetricsAndAGcPoint(), TIMEOUT);

      assertMatchesConventions(metrics);
      assertThat(receiver.spans()).isEmpty();
      assertThat(resourceAttribute(receiver, "process.runtime.version")).startsWith("25");
    }
  }

  @Test
  void temporalityHistogramAggregationExemplarFilterAndRuntimeSwitchAreHonoured() throws Exception {
    Map<String, String> settings =
        Map.of(
            "otel.exporter.otlp.metrics.temporality.preference", "delta",
            "otel.exporter.otlp.metrics.default.histogram.aggregation", "base2_exponential_bucket_histogram",
            "otel.metrics.exemplar.filter", "always_off",
            "otel.instrumentation.runtime-telemetry.enabled", "false");
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app = start(receiver, settings, null)) {
      int port = port(app);
      for (int i = 0; i < 5; i++) {
        assertThat(get(port, "/hello/" + i)).isEqualTo(200);
      }
      List<Metric> metrics =
          receiver.awaitMetrics(
              all -> named(all, "http.server.request.duration").stream()
                  .anyMatch(m -> m.getExponentialHistogram().getDataPointsList().stream()
                      .mapToLong(ExponentialHistogramDataPoint::getCount).sum() > 0),
              TIMEOUT);

      List<Metric> duration = named(metrics, "http.server.request.duration");
      assertThat(duration)
          .allSatisfy(
              m -> {
                assertThat(m.getDataCase()).isEqualTo(Metric.DataCase.EXPONENTIAL_HISTOGRAM);
                assertThat(m.getExponentialHistogram().getAggregationTemporality())
                    .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
                assertThat(m.getExponentialHistogram().getDataPointsList())
                    .allSatisfy(p -> assertThat(p.getExemplarsList()).isEmpty());
              });
      // delta points cover one export interval (1 s here, 60 s by default)
      assertThat(duration.stream().flatMap(m -> m.getExponentialHistogram().getDataPointsList().stream()))
          .allSatisfy(p -> assertThat(p.getTimeUnixNano() - p.getStartTimeUnixNano()).isLessThan(30_000_000_000L));
      // the same exports, from the same reader, carry no runtime metric
      assertThat(metrics).extracting(Metric::getName).noneMatch(name -> name.startsWith("jvm."));
    }
  }

  private static ForkedJvm start(OtlpReceiver receiver, Map<String, String> settings, Path javaHome) {
    AgentJvm jvm =
        AgentJvm.builder()
            .jvmArgs("-Xmx128m")
            .javaagent(SmokeEnvironment.agentJar())
            .classpath(SmokeEnvironment.applicationClasspath())
            .mainClass(MetricsApp.class.getName())
            .systemProperty("otel.service.name", "metrics-app")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .systemProperty("otel.metric.export.interval", "1000")
            .systemProperty("otel.bsp.schedule.delay", "200")
            .systemProperties(settings);
    if (javaHome != null) {
      jvm.javaHome(javaHome);
    }
    return jvm.start();
  }

  private static int port(ForkedJvm app) {
    String ready = app.awaitOutput("READY port=", TIMEOUT);
    return Integer.parseInt(ready.substring(ready.indexOf("READY port=") + "READY port=".length()).trim());
  }

  private static void gc(ForkedJvm app) throws IOException {
    OutputStream stdin = app.process().getOutputStream();
    stdin.write("gc\n".getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    app.awaitOutput("GC done", TIMEOUT);
  }

  private static int get(int port, String path) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Predicate<List<Metric>> allStableMetricsBesidesGc() {
    return metrics ->
        STABLE_JVM_METRICS.stream()
            .filter(c -> !c.name().equals("jvm.gc.duration"))
            .allMatch(c -> named(metrics, c.name()).stream().anyMatch(m -> pointCount(m) > 0));
  }

  private static Predicate<List<Metric>> allStableMetricsAndAGcPoint() {
    return metrics ->
        STABLE_JVM_METRICS.stream().allMatch(c -> named(metrics, c.name()).stream().anyMatch(m -> pointCount(m) > 0))
            && named(metrics, "jvm.gc.duration").stream()
                .anyMatch(m -> m.getHistogram().getDataPointsList().stream().mapToLong(HistogramDataPoint::getCount)
                    .sum() > 0);
  }

  private static Predicate<List<Metric>> hasServerDurationExemplar() {
    return metrics ->
        named(metrics, "http.server.request.duration").stream()
            .anyMatch(m -> m.getHistogram().getDataPointsList().stream().anyMatch(p -> p.getExemplarsCount() > 0));
  }

  private static String resourceAttribute(OtlpReceiver receiver, String key) {
    return receiver.metricsRequests().get(0).getResourceMetrics(0).getResource().getAttributesList().stream()
        .filter(kv -> kv.getKey().equals(key)).findFirst().map(kv -> kv.getValue().getStringValue()).orElse(null);
  }

  /** Every export of every stable metric has the convention's unit and type, and each point exactly its keys. */
  private static void assertMatchesConventions(List<Metric> metrics) {
    for (Convention convention : STABLE_JVM_METRICS) {
      List<Metric> exports = named(metrics, convention.name());
      assertThat(exports).as(convention.name()).isNotEmpty();
      for (Metric metric : exports) {
        assertThat(metric.getUnit()).as(convention.name() + " unit").isEqualTo(convention.unit());
        assertThat(shape(metric)).as(convention.name() + " instrument type").isEqualTo(convention.shape());
        assertThat(pointAttributeKeys(metric))
            .as(convention.name() + " attribute keys")
            .allSatisfy(keys -> assertThat(keys).isEqualTo(convention.attributeKeys()));
      }
    }
  }

  private static Shape shape(Metric metric) {
    return switch (metric.getDataCase()) {
      case SUM -> metric.getSum().getIsMonotonic() ? Shape.COUNTER : Shape.UP_DOWN_COUNTER;
      case GAUGE -> Shape.GAUGE;
      case HISTOGRAM -> Shape.HISTOGRAM;
      default -> throw new AssertionError(metric.getName() + " arrived as " + metric.getDataCase());
    };
  }

  private static List<Set<String>> pointAttributeKeys(Metric metric) {
    List<List<KeyValue>> attributes =
        switch (metric.getDataCase()) {
          case SUM -> metric.getSum().getDataPointsList().stream().map(NumberDataPoint::getAttributesList).toList();
          case GAUGE -> metric.getGauge().getDataPointsList().stream().map(NumberDataPoint::getAttributesList).toList();
          case HISTOGRAM ->
              metric.getHistogram().getDataPointsList().stream().map(HistogramDataPoint::getAttributesList).toList();
          default -> List.of();
        };
    return attributes.stream()
        .map(list -> list.stream().map(KeyValue::getKey).collect(Collectors.toSet()))
        .toList();
  }

  private static int pointCount(Metric metric) {
    return switch (metric.getDataCase()) {
      case SUM -> metric.getSum().getDataPointsCount();
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      default -> 0;
    };
  }

  private static List<Metric> named(List<Metric> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).toList();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
