package dev.vireo.instrumentation.hikaricp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A HikariCP pool's metrics against the PostgreSQL server on the machine (127.0.0.1:5432, database test), with the
 * names, units, types and attributes the OpenTelemetry agent exports with the stable database conventions.
 */
@ExtendWith(AgentTestingExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HikariCpMetricsTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final AttributeKey<String> POOL_NAME = AttributeKey.stringKey("db.client.connection.pool.name");
  private static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");

  /** First: no span has built the agent's SDK in this JVM yet, as in an application whose pool starts first. */
  @Test
  @Order(1)
  void aPoolStartedBeforeTheSdkIsBuiltReportsOnceItIs() throws Exception {
    try (HikariDataSource pool = pool("early", 1, 1)) {
      pool.getConnection().close();
      assertThat(VireoTelemetry.isAwaited()).as("the pool's gauges wait for the SDK").isTrue();
      assertThat(points(AgentTesting.collectMetrics(), "early")).isEmpty();

      VireoTelemetry.get(); // what the first span, or the first metric export, does

      assertThat(awaitGauges("early", g -> g.containsKey("db.client.connection.limit")))
          .containsEntry("db.client.connection.limit", 1L)
          .containsEntry("db.client.connection.idle.min", 1L);
    }
  }

  @Test
  void aPoolReportsItsConnectionsByStateItsLimitsAndWhoWaits() throws Exception {
    try (HikariDataSource pool = pool("orders", 3, 1)) {
      try (Connection held = pool.getConnection()) {
        Map<String, Long> gauges =
            awaitGauges("orders", g -> Long.valueOf(1).equals(g.get("db.client.connection.count used")));

        assertThat(gauges).containsEntry("db.client.connection.count used", 1L)
            .containsEntry("db.client.connection.idle.min", 1L)
            .containsEntry("db.client.connection.limit", 3L)
            .containsEntry("db.client.connection.pending_requests", 0L)
            .containsKey("db.client.connection.count idle");
      }
    }
  }

  @Test
  void everyMetricHasTheAgentsNameUnitTypeAndAttributes() throws Exception {
    try (HikariDataSource pool = pool("inventory", 1, 1)) {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("select 1");
      }
      assertThatThrownBy(() -> {
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
          second.isValid(1);
        }
      }).isInstanceOf(SQLTransientConnectionException.class);
      pool.getHikariPoolMXBean().softEvictConnections(); // the pool opens a new connection: a create time

      Attributes base =
          Attributes.builder()
              .put(POOL_NAME, "inventory")
              .put("db.system.name", "postgresql")
              .put("db.namespace", "test")
              .put("server.address", "127.0.0.1") // no server.port: 5432 is PostgreSQL's own, as the agent leaves it out
              .build();
      List<MetricData> metrics =
          awaitMetrics("inventory", m -> names(m).contains("db.client.connection.create_time"));
      assertThat(describe(metrics))
          .containsEntry("db.client.connection.count", "LONG_SUM {connection} non-monotonic")
          .containsEntry("db.client.connection.idle.min", "LONG_SUM {connection} non-monotonic")
          .containsEntry("db.client.connection.limit", "LONG_SUM {connection} non-monotonic")
          .containsEntry("db.client.connection.pending_requests", "LONG_SUM {request} non-monotonic")
          .containsEntry("db.client.connection.timeouts", "LONG_SUM {timeout} monotonic")
          .containsEntry("db.client.connection.create_time", "HISTOGRAM s")
          .containsEntry("db.client.connection.wait_time", "HISTOGRAM s")
          .containsEntry("db.client.connection.use_time", "HISTOGRAM s")
          .hasSize(8);
      for (MetricData metric : metrics) {
        for (PointData point : metric.getData().getPoints()) {
          Attributes expected =
              metric.getName().equals("db.client.connection.count")
                  ? base.toBuilder().put(STATE, point.getAttributes().get(STATE)).build()
                  : base;
          assertThat(point.getAttributes()).as(metric.getName()).isEqualTo(expected);
        }
      }
      assertThat(metric(metrics, "db.client.connection.count").getLongSumData().getPoints())
          .extracting(p -> p.getAttributes().get(STATE))
          .containsExactlyInAnyOrder("used", "idle");
      assertThat(sum(metric(metrics, "db.client.connection.timeouts"), "inventory")).isEqualTo(1);
      // the successful borrow, the one that held the only connection, and the one that timed out
      assertThat(count(metric(metrics, "db.client.connection.wait_time"), "inventory")).isEqualTo(3);
      assertThat(count(metric(metrics, "db.client.connection.use_time"), "inventory")).isEqualTo(2);
    }
  }

  @Test
  void aPoolHikariNamedIsNamedAfterItsDatabase() throws Exception {
    HikariConfig config = config(1, 1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      assertThat(pool.getPoolName()).matches("HikariPool-\\d+");
      try (Connection connection = pool.getConnection()) {
        assertThat(awaitGauges("test", g -> g.containsKey("db.client.connection.limit")))
            .containsEntry("db.client.connection.limit", 1L);
      }
    }
  }

  @Test
  void theApplicationsOwnTrackerStillGetsEveryCall() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    MetricsTrackerFactory application =
        (poolName, stats) ->
            new IMetricsTracker() {
              @Override
              public void recordConnectionAcquiredNanos(long nanos) {
                calls.add("acquired");
              }

              @Override
              public void recordConnectionUsageMillis(long millis) {
                calls.add("used");
              }

              @Override
              public void close() {
                calls.add("closed");
              }
            };
    HikariConfig config = config(1, 1);
    config.setPoolName("billing");
    config.setMetricsTrackerFactory(application);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      pool.getConnection().close();

      assertThat(count(metric(awaitMetrics("billing", m -> names(m).contains("db.client.connection.use_time")),
          "db.client.connection.use_time"), "billing")).isEqualTo(1);
    }
    assertThat(calls).containsExactly("acquired", "used", "closed");
  }

  @Test
  void aClosedPoolsGaugesStop() throws Exception {
    HikariDataSource pool = pool("reports", 1, 1);
    pool.getConnection().close();
    awaitGauges("reports", g -> g.containsKey("db.client.connection.limit"));

    pool.close();

    // its histograms keep what they recorded (cumulative), as the agent's
    assertThat(gauges(AgentTesting.collectMetrics(), "reports")).isEmpty();
  }

  private static HikariDataSource pool(String name, int max, int minIdle) {
    HikariConfig config = config(max, minIdle);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  private static HikariConfig config(int max, int minIdle) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setUsername("postgres");
    config.setMaximumPoolSize(max);
    config.setMinimumIdle(minIdle);
    config.setConnectionTimeout(250); // HikariCP's least
    return config;
  }

  /**
   * The pool's gauges, {@code name} or {@code name state}, once {@code until} holds (HikariCP refreshes them once a
   * second).
   */
  private static Map<String, Long> awaitGauges(String poolName, Predicate<Map<String, Long>> until)
      throws InterruptedException {
    return gauges(awaitMetrics(poolName, metrics -> until.test(gauges(metrics, poolName))), poolName);
  }

  private static Map<String, Long> gauges(Collection<MetricData> collected, String poolName) {
    Map<String, Long> gauges = new TreeMap<>();
    for (MetricData metric : points(collected, poolName)) {
      if (metric.getType() == MetricDataType.LONG_SUM && !metric.getLongSumData().isMonotonic()) {
        for (LongPointData point : metric.getLongSumData().getPoints()) {
          if (poolName.equals(point.getAttributes().get(POOL_NAME))) {
            String state = point.getAttributes().get(STATE);
            gauges.put(metric.getName() + (state == null ? "" : " " + state), point.getValue());
          }
        }
      }
    }
    return gauges;
  }

  /** The pool's metrics (cumulative) once {@code until} holds for them. */
  private static List<MetricData> awaitMetrics(String poolName, Predicate<List<MetricData>> until)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<MetricData> metrics = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      metrics = points(AgentTesting.collectMetrics(), poolName);
      if (until.test(metrics)) {
        return metrics;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("metrics of pool " + poolName + " never matched; got: " + names(metrics));
  }

  private static long sum(MetricData metric, String poolName) {
    return metric.getLongSumData().getPoints().stream()
        .filter(p -> poolName.equals(p.getAttributes().get(POOL_NAME)))
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  private static long count(MetricData metric, String poolName) {
    return metric.getHistogramData().getPoints().stream()
        .filter(p -> poolName.equals(p.getAttributes().get(POOL_NAME)))
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }

  private static List<MetricData> points(Collection<MetricData> metrics, String poolName) {
    return metrics.stream()
        .filter(m -> m.getName().startsWith("db.client.connection"))
        .filter(m -> m.getData().getPoints().stream().anyMatch(p -> poolName.equals(p.getAttributes().get(POOL_NAME))))
        .collect(Collectors.toList());
  }

  private static MetricData metric(List<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + names(metrics)));
  }

  private static List<String> names(List<MetricData> metrics) {
    return metrics.stream().map(MetricData::getName).distinct().collect(Collectors.toList());
  }

  private static Map<String, String> describe(List<MetricData> metrics) {
    Map<String, String> described = new TreeMap<>();
    for (MetricData metric : metrics) {
      String shape = metric.getType() + " " + metric.getUnit();
      if (metric.getType() == MetricDataType.LONG_SUM) {
        shape += metric.getLongSumData().isMonotonic() ? " monotonic" : " non-monotonic";
      }
      described.put(metric.getName(), shape);
    }
    return described;
  }
}
