package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.apps.ConnectionPoolApp;
import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A HikariCP pool's metrics as they arrive at a real OTLP receiver from a forked JVM with the packaged agent, with the
 * default OTLP metric export (interval 1 s): the pool starts before the first span, the span builds the SDK, and the
 * pool's instruments are made at the first export, with the durations measured until then.
 */
class ConnectionPoolMetricsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void aPoolsMetricsArriveWithTheAgentsNamesUnitsAndAttributes() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app =
            AgentJvm.builder()
                .jvmArgs("-Xmx128m")
                .javaagent(SmokeEnvironment.agentJar())
                .classpath(SmokeEnvironment.applicationClasspath())
                .mainClass(ConnectionPoolApp.class.getName())
                .systemProperty("otel.service.name", "pool-app")
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .systemProperty("otel.metric.export.interval", "1000")
                .start()) {
      assertThat(app.awaitOutput("READY pool=", TIMEOUT)).contains("READY pool=HikariPool-");
      command(app, "query");
      command(app, "query");
      command(app, "grow");

      // six borrows: the first query's, made before the first export (kept until then), two more queries and three
      // connections held at once; not one lost
      List<Metric> metrics =
          receiver.awaitMetrics(
              m -> points(m, "db.client.connection.wait_time") == 6 && points(m, "db.client.connection.use_time") == 6
                  && m.stream().anyMatch(metric -> metric.getName().equals("db.client.connection.create_time")),
              TIMEOUT);

      Map<String, String> shapes = new TreeMap<>();
      for (Metric metric : metrics) {
        if (metric.getName().startsWith("db.client.connection.")) {
          shapes.put(metric.getName(), shape(metric));
        }
      }
      assertThat(shapes)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "db.client.connection.count", "up-down counter {connection}",
                  "db.client.connection.idle.min", "up-down counter {connection}",
                  "db.client.connection.limit", "up-down counter {connection}",
                  "db.client.connection.pending_requests", "up-down counter {request}",
                  "db.client.connection.create_time", "histogram s",
                  "db.client.connection.wait_time", "histogram s",
                  "db.client.connection.use_time", "histogram s"));
      Map<String, String> pool =
          Map.of("db.client.connection.pool.name", "orders", "db.system.name", "h2database", "db.namespace", "orders");
      for (Metric metric : metrics) {
        if (!metric.getName().startsWith("db.client.connection.")) {
          continue;
        }
        for (List<KeyValue> attributes : attributeLists(metric)) {
          Map<String, String> actual = attributes.stream()
              .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue(), (a, b) -> a, TreeMap::new));
          if (metric.getName().equals("db.client.connection.count")) {
            assertThat(actual.remove("db.client.connection.state")).isIn("used", "idle");
          }
          assertThat(actual).as(metric.getName()).isEqualTo(pool);
        }
      }
      assertThat(lastValue(metrics, "db.client.connection.limit")).isEqualTo(4);
      assertThat(lastValue(metrics, "db.client.connection.idle.min")).isEqualTo(2);
    }
  }

  private static void command(ForkedJvm app, String command) throws IOException {
    app.process().getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
    app.process().getOutputStream().flush();
    app.awaitOutput(command + " done", TIMEOUT);
  }

  private static String shape(Metric metric) {
    switch (metric.getDataCase()) {
      case SUM:
        return (metric.getSum().getIsMonotonic() ? "counter " : "up-down counter ") + metric.getUnit();
      case HISTOGRAM:
        return "histogram " + metric.getUnit();
      default:
        return metric.getDataCase() + " " + metric.getUnit();
    }
  }

  private static List<List<KeyValue>> attributeLists(Metric metric) {
    switch (metric.getDataCase()) {
      case SUM:
        return metric.getSum().getDataPointsList().stream().map(NumberDataPoint::getAttributesList).toList();
      case HISTOGRAM:
        return metric.getHistogram().getDataPointsList().stream().map(HistogramDataPoint::getAttributesList).toList();
      default:
        return List.of();
    }
  }

  /** The count of the last export of a cumulative histogram (0 before it arrives). */
  private static long points(List<Metric> metrics, String name) {
    long count = 0;
    for (Metric metric : metrics) {
      if (metric.getName().equals(name)) {
        count = metric.getHistogram().getDataPointsList().stream().mapToLong(HistogramDataPoint::getCount).sum();
      }
    }
    return count;
  }

  private static long lastValue(List<Metric> metrics, String name) {
    long value = -1;
    for (Metric metric : metrics) {
      if (metric.getName().equals(name)) {
        value = metric.getSum().getDataPoints(0).getAsInt();
      }
    }
    return value;
  }
}
