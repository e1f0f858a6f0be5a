package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.semconv.common.DeferredHistogram;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.context.Context;

/**
 * The connection-pool metrics of the database client conventions, one set per pool, as the OpenTelemetry agent
 * exports them with the stable database conventions: {@code db.client.connection.count} by {@code
 * db.client.connection.state} ({@code used}, {@code idle}), {@code .idle.min}, {@code .limit} and {@code
 * .pending_requests}, read from the pool when the metric reader collects; {@code .timeouts} counted and {@code
 * .create_time}, {@code .wait_time}, {@code .use_time} (seconds, the SDK's default buckets, as the agent's) recorded
 * as the pool reports them.
 */
public final class ConnectionPoolMetrics {

  /** What the gauges read from a pool at collection. */
  public interface PoolState {
    int usedConnections();

    int idleConnections();

    int minIdleConnections();

    int maxConnections();

    int pendingRequests();
  }

  private final MeterProvider meterProvider;
  private final String instrumentationScope;
  private final Attributes attributes;
  private final PoolState pool;
  private final DeferredHistogram createTime;
  private final DeferredHistogram waitTime;
  private final DeferredHistogram useTime;
  private BatchCallback gauges; // guarded by this
  private LongCounter timeouts; // guarded by this
  private long timeoutsBeforeStart; // guarded by this
  private boolean closed; // guarded by this

  private ConnectionPoolMetrics(
      MeterProvider meterProvider, String instrumentationScope, Attributes attributes, PoolState pool,
      PendingDurations pending) {
    this.meterProvider = meterProvider;
    this.instrumentationScope = instrumentationScope;
    this.attributes = attributes;
    this.pool = pool;
    this.createTime = seconds(pending, "db.client.connection.create_time",
        "The time it took to create a new connection.");
    this.waitTime = seconds(pending, "db.client.connection.wait_time",
        "The time it took to obtain an open connection from the pool.");
    this.useTime = seconds(pending, "db.client.connection.use_time",
        "The time between borrowing a connection and returning it to the pool.");
  }

  /**
   * Registers one pool's metrics; {@link #close()} takes its gauges away. Where the agent starts its metrics pipeline
   * at the first export, the gauges and the counter are registered then, and the histograms built then, with what was
   * measured until then (the instruments need not cost the application's first traced call, where the SDK is built).
   */
  public static ConnectionPoolMetrics register(
      OpenTelemetry telemetry, String instrumentationScope, Attributes attributes, PoolState pool) {
    PendingDurations pending = PendingDurations.of(telemetry);
    ConnectionPoolMetrics metrics =
        new ConnectionPoolMetrics(telemetry.getMeterProvider(), instrumentationScope, attributes, pool, pending);
    PendingDurations.whenMetricsStart(telemetry, metrics::start);
    return metrics;
  }

  private synchronized void start() {
    if (closed || gauges != null) {
      return;
    }
    Meter meter = meter();
    ObservableLongMeasurement count =
        meter.upDownCounterBuilder("db.client.connection.count").setUnit("{connection}")
            .setDescription("The number of connections that are currently in state described by the state attribute.")
            .buildObserver();
    ObservableLongMeasurement idleMin =
        meter.upDownCounterBuilder("db.client.connection.idle.min").setUnit("{connection}")
            .setDescription("The minimum number of idle open connections allowed.")
            .buildObserver();
    ObservableLongMeasurement limit =
        meter.upDownCounterBuilder("db.client.connection.limit").setUnit("{connection}")
            .setDescription("The maximum number of open connections allowed.")
            .buildObserver();
    ObservableLongMeasurement pending =
        meter.upDownCounterBuilder("db.client.connection.pending_requests").setUnit("{request}")
            .setDescription("The number of current pending requests for an open connection.")
            .buildObserver();
    Attributes used = attributes.toBuilder().put(ConnectionPoolAttributes.CONNECTION_STATE, "used").build();
    Attributes idle = attributes.toBuilder().put(ConnectionPoolAttributes.CONNECTION_STATE, "idle").build();
    gauges =
        meter.batchCallback(
            () -> {
              count.record(pool.usedConnections(), used);
              count.record(pool.idleConnections(), idle);
              idleMin.record(pool.minIdleConnections(), attributes);
              limit.record(pool.maxConnections(), attributes);
              pending.record(pool.pendingRequests(), attributes);
            },
            count,
            idleMin,
            limit,
            pending);
    timeouts =
        meter.counterBuilder("db.client.connection.timeouts").setUnit("{timeout}")
            .setDescription(
                "The number of connection timeouts that have occurred trying to obtain a connection from the pool.")
            .build();
    if (timeoutsBeforeStart > 0) {
      timeouts.add(timeoutsBeforeStart, attributes);
    }
  }

  /** Looked up when the first instrument is built: a scope's first meter costs the SDK several milliseconds. */
  private Meter meter() {
    return meterProvider.get(instrumentationScope);
  }

  private DeferredHistogram seconds(PendingDurations pending, String name, String description) {
    return new DeferredHistogram(
        pending, () -> meter().histogramBuilder(name).setUnit("s").setDescription(description).build());
  }

  public void recordCreateTime(double seconds) {
    createTime.record(seconds, attributes, Context.current());
  }

  public void recordWaitTime(double seconds) {
    waitTime.record(seconds, attributes, Context.current());
  }

  public void recordUseTime(double seconds) {
    useTime.record(seconds, attributes, Context.current());
  }

  /** Rare (a pool that ran dry): a lock is fine. */
  public synchronized void recordTimeout() {
    if (timeouts != null) {
      timeouts.add(1, attributes);
    } else {
      timeoutsBeforeStart++;
    }
  }

  /** The pool is gone: its gauges stop (the counter and histograms keep what they recorded). */
  public synchronized void close() {
    closed = true;
    if (gauges != null) {
      gauges.close();
    }
  }
}
