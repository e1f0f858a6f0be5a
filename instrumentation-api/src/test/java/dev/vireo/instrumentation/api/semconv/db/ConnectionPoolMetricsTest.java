package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One pool's metrics, registered at once or, where the agent starts its metrics pipeline late, at that start. */
class ConnectionPoolMetricsTest {

  private static final Attributes POOL = Attributes.builder().put("db.client.connection.pool.name", "orders").build();
  private static final ConnectionPoolMetrics.PoolState STATE =
      new ConnectionPoolMetrics.PoolState() {
        @Override
        public int usedConnections() {
          return 2;
        }

        @Override
        public int idleConnections() {
          return 3;
        }

        @Override
        public int minIdleConnections() {
          return 1;
        }

        @Override
        public int maxConnections() {
          return 10;
        }

        @Override
        public int pendingRequests() {
          return 4;
        }
      };

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();

  @AfterEach
  void close() {
    meters.close();
  }

  @Test
  void registeredAtOnceWhereThePipelineRuns() {
    ConnectionPoolMetrics metrics = ConnectionPoolMetrics.register(telemetry(null), "test", POOL, STATE);
    metrics.recordWaitTime(0.25);

    assertThat(summary(reader.collectAllMetrics()))
        .containsEntry("db.client.connection.count used", 2.0)
        .containsEntry("db.client.connection.count idle", 3.0)
        .containsEntry("db.client.connection.idle.min", 1.0)
        .containsEntry("db.client.connection.limit", 10.0)
        .containsEntry("db.client.connection.pending_requests", 4.0)
        .containsEntry("db.client.connection.wait_time", 0.25)
        .hasSize(6);
  }

  @Test
  void whereThePipelineStartsLateNothingExistsBeforeAndNothingMeasuredIsLost() {
    PendingDurations pending = new PendingDurations(task -> {});
    ConnectionPoolMetrics metrics = ConnectionPoolMetrics.register(telemetry(pending), "test", POOL, STATE);
    metrics.recordCreateTime(0.5);
    metrics.recordTimeout();
    metrics.recordTimeout();

    assertThat(reader.collectAllMetrics()).isEmpty();

    pending.start();
    metrics.recordUseTime(0.125);

    assertThat(summary(reader.collectAllMetrics()))
        .containsEntry("db.client.connection.count used", 2.0)
        .containsEntry("db.client.connection.limit", 10.0)
        .containsEntry("db.client.connection.timeouts", 2.0)
        .containsEntry("db.client.connection.create_time", 0.5)
        .containsEntry("db.client.connection.use_time", 0.125)
        .hasSize(8);
  }

  @Test
  void aClosedPoolsGaugesStopAndAPoolClosedBeforeTheStartNeverHasAny() {
    ConnectionPoolMetrics open = ConnectionPoolMetrics.register(telemetry(null), "test", POOL, STATE);
    open.close();
    PendingDurations pending = new PendingDurations(task -> {});
    ConnectionPoolMetrics early = ConnectionPoolMetrics.register(telemetry(pending), "test", POOL, STATE);
    early.close();
    pending.start();

    assertThat(reader.collectAllMetrics()).isEmpty();
  }

  /** Gauge values by name (and state), histogram sums, counter totals. */
  private static Map<String, Double> summary(Collection<MetricData> metrics) {
    Map<String, Double> summary = new TreeMap<>();
    for (MetricData metric : metrics) {
      switch (metric.getType()) {
        case LONG_SUM:
          metric.getLongSumData().getPoints().forEach(p -> {
            String state = p.getAttributes().get(ConnectionPoolAttributes.CONNECTION_STATE);
            summary.put(metric.getName() + (state == null ? "" : " " + state), (double) p.getValue());
          });
          break;
        case HISTOGRAM:
          metric.getHistogramData().getPoints().forEach(p -> summary.put(metric.getName(), p.getSum()));
          break;
        default:
          summary.put(metric.getName() + " " + metric.getType(), Double.NaN);
      }
    }
    return summary;
  }

  /** The agent's telemetry as instrumentations see it; with {@code pending}, one whose metrics pipeline starts late. */
  private OpenTelemetry telemetry(PendingDurations pending) {
    return new Telemetry(meters, pending);
  }

  private static final class Telemetry implements OpenTelemetry, PendingDurations.Holder {
    private final MeterProvider meters;
    private final PendingDurations pending;

    Telemetry(MeterProvider meters, PendingDurations pending) {
      this.meters = meters;
      this.pending = pending;
    }

    @Override
    public PendingDurations pendingDurations() {
      return pending;
    }

    @Override
    public MeterProvider getMeterProvider() {
      return meters;
    }

    @Override
    public TracerProvider getTracerProvider() {
      return TracerProvider.noop();
    }

    @Override
    public ContextPropagators getPropagators() {
      return ContextPropagators.noop();
    }
  }
}
