package dev.vireo.instrumentation.api.semconv.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.data.DoubleExemplarData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: duration measurements taken before the metrics pipeline starts wait without a histogram, and every one
 * of them reaches the histogram at the start, with its exemplar.
 */
class PendingDurationsTest {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  /** A starter that never runs what it is given: the test decides when the pipeline starts. */
  private static final Executor NEVER_EARLY = task -> {};

  private InMemoryMetricReader reader;
  private OpenTelemetrySdk sdk;

  @BeforeEach
  void buildSdk() {
    reader = InMemoryMetricReader.create();
    sdk = SdkWithMetricReader.create(reader);
  }

  @AfterEach
  void uninstall() {
    VireoTelemetry.install(OpenTelemetry::noop);
    sdk.close();
  }

  private DurationMetric metricWaitingFor(PendingDurations pending) {
    VireoTelemetry.install(() -> new DeferringTelemetry(sdk, pending));
    return DurationMetric.create("test", "test.operation.duration", "d", List.of(METHOD), List.of(0.1, 1.0));
  }

  private static void measure(DurationMetric metric, Context context, String method, long nanos) {
    Context started = metric.onStart(context, Attributes.of(METHOD, method), 0L);
    metric.onEnd(started, Attributes.empty(), nanos);
  }

  @Test
  void beforeTheStartNoHistogramExistsAndAtTheStartEveryMeasurementIsRecordedWithItsExemplar() {
    PendingDurations pending = new PendingDurations(NEVER_EARLY);
    DurationMetric metric = metricWaitingFor(pending);
    Span span = sdk.getTracer("test").spanBuilder("op").startSpan();
    measure(metric, Context.root().with(span), "GET", 250_000_000L);
    measure(metric, Context.root(), "GET", 500_000_000L);
    measure(metric, Context.root(), "POST", 2_000_000_000L);
    span.end();

    assertThat(reader.collectAllMetrics()).isEmpty();

    pending.start();

    Collection<MetricData> metrics = reader.collectAllMetrics();
    assertThat(metrics).hasSize(1);
    MetricData data = metrics.iterator().next();
    assertThat(data.getName()).isEqualTo("test.operation.duration");
    assertThat(data.getUnit()).isEqualTo("s");
    HistogramPointData get = point(data, "GET");
    assertThat(get.getCount()).isEqualTo(2);
    assertThat(get.getSum()).isEqualTo(0.75);
    assertThat(get.getBoundaries()).containsExactly(0.1, 1.0);
    assertThat(get.getExemplars()).hasSize(1);
    DoubleExemplarData exemplar = get.getExemplars().get(0);
    assertThat(exemplar.getValue()).isEqualTo(0.25);
    assertThat(exemplar.getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(exemplar.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
    HistogramPointData post = point(data, "POST");
    assertThat(post.getCount()).isEqualTo(1);
    assertThat(post.getSum()).isEqualTo(2.0);
    assertThat(post.getExemplars()).isEmpty();
  }

  @Test
  void afterTheStartMeasurementsAndNewMetricsGoStraightToTheirHistograms() {
    PendingDurations pending = new PendingDurations(NEVER_EARLY);
    DurationMetric early = metricWaitingFor(pending);
    pending.start();
    pending.start(); // a second start does nothing

    measure(early, Context.root(), "GET", 1_000_000L);
    DurationMetric late =
        DurationMetric.create("test", "test.late.duration", "d", List.of(METHOD), List.of(0.1, 1.0));
    measure(late, Context.root(), "GET", 1_000_000L);

    Collection<MetricData> metrics = reader.collectAllMetrics();
    assertThat(metrics).extracting(MetricData::getName)
        .containsExactlyInAnyOrder("test.operation.duration", "test.late.duration");
    for (MetricData data : metrics) {
      assertThat(point(data, "GET").getCount()).isEqualTo(1);
    }
  }

  @Test
  void whenMoreArriveThanAreKeptTheThreadWithoutRoomStartsThePipelineAndNoneIsLost() {
    PendingDurations pending = new PendingDurations(4, NEVER_EARLY);
    DurationMetric metric = metricWaitingFor(pending);
    for (int i = 0; i < 4; i++) {
      measure(metric, Context.root(), "GET", 1_000_000L);
    }
    assertThat(pending.isStarted()).isFalse();
    assertThat(reader.collectAllMetrics()).isEmpty();

    for (int i = 0; i < 6; i++) {
      measure(metric, Context.root(), "GET", 1_000_000L);
    }

    assertThat(pending.isStarted()).isTrue();
    assertThat(point(reader.collectAllMetrics().iterator().next(), "GET").getCount()).isEqualTo(10);
  }

  @Test
  void whenHalfTheRoomIsTakenTheStartIsHandedToTheStarterOnce() {
    List<Runnable> handed = new ArrayList<>();
    PendingDurations pending = new PendingDurations(4, handed::add);
    DurationMetric metric = metricWaitingFor(pending);
    measure(metric, Context.root(), "GET", 1_000_000L);
    measure(metric, Context.root(), "GET", 1_000_000L);
    assertThat(handed).isEmpty();

    measure(metric, Context.root(), "GET", 1_000_000L);
    measure(metric, Context.root(), "GET", 1_000_000L);

    assertThat(handed).hasSize(1);
    assertThat(pending.isStarted()).isFalse();
    handed.get(0).run();
    assertThat(pending.isStarted()).isTrue();
    measure(metric, Context.root(), "GET", 1_000_000L);
    assertThat(handed).hasSize(1);
    assertThat(point(reader.collectAllMetrics().iterator().next(), "GET").getCount()).isEqualTo(5);
  }

  @Test
  void measurementsTakenWhileThePipelineStartsAreAllRecorded() throws Exception {
    // the early start runs on a thread of its own: it, the recorders and this thread's start all race
    PendingDurations pending = new PendingDurations(256, task -> new Thread(task).start());
    DurationMetric metric = metricWaitingFor(pending);
    int threads = 6;
    int each = 5_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < each; i++) {
                  measure(metric, Context.root(), "GET", 1_000_000L);
                }
              });
      thread.start();
      recorders.add(thread);
    }
    go.countDown();
    pending.start(); // races the recorders; some may have overflowed the 256 slots and started it already
    for (Thread thread : recorders) {
      thread.join();
    }

    assertThat(point(reader.collectAllMetrics().iterator().next(), "GET").getCount())
        .isEqualTo((long) threads * each);
  }

  private static HistogramPointData point(MetricData data, String method) {
    return data.getHistogramData().getPoints().stream()
        .filter(p -> method.equals(p.getAttributes().get(METHOD)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no point for " + method + " in " + data));
  }

  /** What the agent's telemetry looks like to a metric: the SDK, with measurements waiting for the start. */
  private static final class DeferringTelemetry implements OpenTelemetry, PendingDurations.Holder {
    private final OpenTelemetry sdk;
    private final PendingDurations pending;

    DeferringTelemetry(OpenTelemetry sdk, PendingDurations pending) {
      this.sdk = sdk;
      this.pending = pending;
    }

    @Override
    public PendingDurations pendingDurations() {
      return pending;
    }

    @Override
    public TracerProvider getTracerProvider() {
      return sdk.getTracerProvider();
    }

    @Override
    public MeterProvider getMeterProvider() {
      return sdk.getMeterProvider();
    }

    @Override
    public LoggerProvider getLogsBridge() {
      return sdk.getLogsBridge();
    }

    @Override
    public ContextPropagators getPropagators() {
      return sdk.getPropagators();
    }
  }
}
