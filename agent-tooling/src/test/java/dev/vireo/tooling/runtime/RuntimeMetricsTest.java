package dev.vireo.tooling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(reader).build();
  private RuntimeMetrics metrics;

  @AfterEach
  void close() {
    if (metrics != null) {
      metrics.close();
    }
    meterProvider.close();
  }

  @Test
  void gcDurationIsRecordedFromTheGcNotificationWithNameActionAndBuckets() throws Exception {
    metrics = RuntimeMetrics.register(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of()));
    System.gc();
    MetricData gc = awaitMetric("jvm.gc.duration");
    assertThat(gc.getUnit()).isEqualTo("s");
    assertThat(gc.getType()).isEqualTo(MetricDataType.HISTOGRAM);
    HistogramPointData point = (HistogramPointData) gc.getHistogramData().getPoints().iterator().next();
    assertThat(point.getBoundaries()).containsExactly(0.01, 0.1, 1.0, 10.0);
    assertThat(point.getCount()).isPositive();
    assertThat(keys(gc)).containsExactlyInAnyOrder("jvm.gc.name", "jvm.gc.action");
    // System.gc() is a full collection: its action says so on every HotSpot collector
    assertThat(gc.getHistogramData().getPoints())
        .anySatisfy(p -> assertThat(p.getAttributes().get(AttributeKey.stringKey("jvm.gc.action"))).contains("major"));
    // read straight from the notification's CompositeData: the names are those of the JVM's collector MXBeans
    List<String> collectors = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(bean -> collectors.add(bean.getName()));
    assertThat(gc.getHistogramData().getPoints())
        .allSatisfy(p -> assertThat(collectors).contains(p.getAttributes().get(AttributeKey.stringKey("jvm.gc.name"))));
  }

  @Test
  void gcDurationRegisteredInTheBackgroundRecordsCollectionsOnceItListens() throws Exception {
    RuntimeMetrics.registerGcDurationInBackground(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of()), null);
    // the listener is added on its own thread: collect until a collection made after that shows
    long deadline = System.nanoTime() + 10_000_000_000L;
    MetricData gc = null;
    while (gc == null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(50); // notifications arrive on the JVM's notification thread
      gc = reader.collectAllMetrics().stream()
          .filter(m -> m.getName().equals("jvm.gc.duration") && !m.getData().getPoints().isEmpty())
          .findFirst()
          .orElse(null);
    }
    assertThat(gc).as("jvm.gc.duration after System.gc()").isNotNull();
    assertThat(keys(gc)).containsExactlyInAnyOrder("jvm.gc.name", "jvm.gc.action");
  }

  @Test
  void collectionsBeforeTheMetricsPipelineStartsWaitWithoutAHistogramAndAreRecordedAtTheStart() throws Exception {
    PendingDurations pending = new PendingDurations(task -> {}); // starts only when this test says
    metrics = RuntimeMetrics.registerGcDuration(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of()), pending);
    // a listener added after the metric's is told of a collection after it, on the same notification thread
    CountDownLatch notified = new CountDownLatch(1);
    NotificationListener after = (notification, handback) -> notified.countDown();
    List<NotificationEmitter> emitters = new ArrayList<>();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) {
        ((NotificationEmitter) collector).addNotificationListener(after, null, null);
        emitters.add((NotificationEmitter) collector);
      }
    }
    try {
      System.gc();
      assertThat(notified.await(10, TimeUnit.SECONDS)).as("GC notification").isTrue();
    } finally {
      for (NotificationEmitter emitter : emitters) {
        emitter.removeNotificationListener(after);
      }
    }
    assertThat(names(reader.collectAllMetrics())).doesNotContain("jvm.gc.duration");

    pending.start();

    MetricData gc = metric(reader.collectAllMetrics(), "jvm.gc.duration");
    HistogramPointData point = (HistogramPointData) gc.getHistogramData().getPoints().iterator().next();
    assertThat(point.getCount()).isPositive();
    assertThat(point.getBoundaries()).containsExactly(0.01, 0.1, 1.0, 10.0);
    assertThat(keys(gc)).containsExactlyInAnyOrder("jvm.gc.name", "jvm.gc.action");
  }

  @Test
  void gcCauseIsOptIn() throws Exception {
    metrics =
        RuntimeMetrics.register(
            meterProvider,
            RuntimeTelemetrySettings.from(MapConfig.of("otel.instrumentation.runtime-telemetry.capture-gc-cause", "true")));
    System.gc();
    MetricData gc = awaitMetric("jvm.gc.duration");
    assertThat(keys(gc)).containsExactlyInAnyOrder("jvm.gc.name", "jvm.gc.action", "jvm.gc.cause");
    assertThat(gc.getHistogramData().getPoints())
        .anySatisfy(
            p -> assertThat(p.getAttributes().get(AttributeKey.stringKey("jvm.gc.cause"))).isEqualTo("System.gc()"));
  }

  @Test
  void threadCountHasOnePointPerDaemonFlagAndState() {
    metrics = RuntimeMetrics.register(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of()));
    MetricData threads = metric(reader.collectAllMetrics(), "jvm.thread.count");
    assertThat(keys(threads)).containsExactlyInAnyOrder("jvm.thread.daemon", "jvm.thread.state");
    Map<String, Long> byState = new HashMap<>();
    threads.getLongSumData().getPoints()
        .forEach(p -> byState.merge(
            p.getAttributes().get(AttributeKey.stringKey("jvm.thread.state")), p.getValue(), Long::sum));
    // this thread is running and non-daemon
    assertThat(byState.get("runnable")).isPositive();
    assertThat(threads.getLongSumData().getPoints())
        .anySatisfy(p -> assertThat(p.getAttributes().get(AttributeKey.booleanKey("jvm.thread.daemon"))).isFalse());
    long total = threads.getLongSumData().getPoints().stream().mapToLong(p -> p.getValue()).sum();
    assertThat(total).isBetween(1L, (long) Thread.activeCount() + 100);
  }

  @Test
  void onJava8WithoutThreadInfoIsDaemonOnlyTheDaemonSplitIsReported() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    new ThreadCountMetric(threads, null).registerOn(meterProvider.get("java8"));
    MetricData metric = metric(reader.collectAllMetrics(), "jvm.thread.count");
    assertThat(keys(metric)).containsExactly("jvm.thread.daemon");
    assertThat(metric.getLongSumData().getPoints()).hasSize(2);
    long daemons =
        metric.getLongSumData().getPoints().stream()
            .filter(p -> p.getAttributes().get(AttributeKey.booleanKey("jvm.thread.daemon")))
            .mapToLong(p -> p.getValue()).sum();
    assertThat(daemons).isPositive(); // the JVM's own (Reference Handler, Finalizer, ...) are daemons
  }

  @Test
  void memoryPointsCarryTypeAndPoolOfEveryPool() {
    metrics = RuntimeMetrics.register(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of()));
    MetricData used = metric(reader.collectAllMetrics(), "jvm.memory.used");
    Set<String> pools =
        used.getLongSumData().getPoints().stream()
            .map(p -> p.getAttributes().get(AttributeKey.stringKey("jvm.memory.pool.name")))
            .collect(Collectors.toSet());
    Set<String> expected =
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
            .map(java.lang.management.MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    assertThat(pools).isEqualTo(expected);
    assertThat(used.getLongSumData().getPoints())
        .allSatisfy(p -> assertThat(p.getAttributes().get(AttributeKey.stringKey("jvm.memory.type")))
            .isIn("heap", "non_heap"));
  }

  @Test
  void experimentalMetricsOnlyWhenAskedFor() {
    metrics = RuntimeMetrics.register(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of()));
    Set<String> stable = names(reader.collectAllMetrics());
    assertThat(stable).contains("jvm.memory.used", "jvm.class.count", "jvm.cpu.time")
        .noneMatch(name -> name.startsWith("jvm.buffer.") || name.startsWith("jvm.system.")
            || name.startsWith("jvm.file_descriptor.") || name.equals("jvm.memory.init"));

    InMemoryMetricReader experimentalReader = InMemoryMetricReader.create();
    try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(experimentalReader).build()) {
      RuntimeMetrics.register(
              provider,
              RuntimeTelemetrySettings.from(
                  MapConfig.of("otel.instrumentation.runtime-telemetry.emit-experimental-telemetry", "true")))
          .close();
      Collection<MetricData> all = experimentalReader.collectAllMetrics();
      assertThat(names(all))
          .contains(
              "jvm.memory.init",
              "jvm.buffer.memory.used",
              "jvm.buffer.memory.limit",
              "jvm.buffer.count",
              "jvm.system.cpu.load_1m",
              "jvm.system.cpu.utilization",
              "jvm.file_descriptor.count",
              "jvm.file_descriptor.limit");
      assertThat(keys(metric(all, "jvm.buffer.memory.used"))).containsExactly("jvm.buffer.pool.name");
    }
  }

  @Test
  void switchedOffOrWithoutExporterNothingIsRegistered() {
    metrics =
        RuntimeMetrics.register(
            meterProvider,
            RuntimeTelemetrySettings.from(MapConfig.of("otel.instrumentation.runtime-telemetry.enabled", "false")));
    RuntimeMetrics.register(meterProvider, RuntimeTelemetrySettings.from(MapConfig.of("otel.metrics.exporter", "none")));
    RuntimeMetrics.register(
        meterProvider, RuntimeTelemetrySettings.from(MapConfig.of("otel.instrumentation.common.default-enabled", "false")));
    // a metric of another scope on the same reader proves the reader collects
    meterProvider.get("test").counterBuilder("probe").build().add(1);
    System.gc();
    assertThat(names(reader.collectAllMetrics())).containsExactly("probe");
  }

  @Test
  void exportIntervalIsReadAsTheSdkReadsIt() {
    assertThat(RuntimeTelemetrySettings.parseMillis(null, 60_000)).isEqualTo(60_000);
    assertThat(RuntimeTelemetrySettings.parseMillis("1000", 60_000)).isEqualTo(1000);
    assertThat(RuntimeTelemetrySettings.parseMillis("1s", 60_000)).isEqualTo(1000);
    assertThat(RuntimeTelemetrySettings.parseMillis("250ms", 60_000)).isEqualTo(250);
    assertThat(RuntimeTelemetrySettings.parseMillis("2m", 60_000)).isEqualTo(120_000);
    assertThat(RuntimeTelemetrySettings.parseMillis("soon", 60_000)).isEqualTo(60_000);
  }

  private MetricData awaitMetric(String name) throws InterruptedException {
    // GC notifications arrive on the JVM's notification thread, shortly after the collection
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (MetricData metric : reader.collectAllMetrics()) {
        if (metric.getName().equals(name) && !metric.getData().getPoints().isEmpty()) {
          return metric;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(name + " never had a point");
  }

  private static MetricData metric(Collection<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " missing from " + names(metrics)));
  }

  private static Set<String> names(Collection<MetricData> metrics) {
    return metrics.stream().map(MetricData::getName).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> keys(MetricData metric) {
    Set<String> keys = new TreeSet<>();
    for (PointData point : metric.getData().getPoints()) {
      point.getAttributes().forEach((key, value) -> keys.add(key.getKey()));
    }
    return keys;
  }
}
