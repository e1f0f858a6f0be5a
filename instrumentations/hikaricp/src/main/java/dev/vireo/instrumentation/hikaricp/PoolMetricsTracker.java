package dev.vireo.instrumentation.hikaricp;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.db.ConnectionPoolMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import java.util.concurrent.TimeUnit;

/**
 * One pool's tracker: records into the pool's {@link ConnectionPoolMetrics}, then calls the application's tracker. The
 * metrics are registered when the agent's SDK is built (a pool usually starts before the first span); what the pool
 * reports before that is not recorded, the gauges are complete from the first export on.
 */
final class PoolMetricsTracker implements IMetricsTracker {

  private static final String SCOPE = InstrumentationScope.of(HikariCpModule.NAME);
  private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final IMetricsTracker application;
  private volatile ConnectionPoolMetrics metrics;
  /** What the metrics are registered with; dropped once they are, or once the pool is gone (guarded by this). */
  private Attributes attributes;
  private HikariPoolState pool;

  private PoolMetricsTracker(IMetricsTracker application, Attributes attributes, HikariPoolState pool) {
    this.application = application;
    this.attributes = attributes;
    this.pool = pool;
  }

  static PoolMetricsTracker start(IMetricsTracker application, Attributes attributes, HikariPoolState pool) {
    PoolMetricsTracker tracker = new PoolMetricsTracker(application, attributes, pool);
    VireoTelemetry.whenBuilt(tracker::register);
    return tracker;
  }

  private synchronized void register(OpenTelemetry telemetry) {
    if (pool != null) { // not stopped
      metrics = ConnectionPoolMetrics.register(telemetry, SCOPE, attributes, pool);
      attributes = null;
      pool = null;
    }
  }

  @Override
  public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
    ConnectionPoolMetrics current = metrics;
    if (current != null) {
      current.recordCreateTime(connectionCreatedMillis / 1e3);
    }
    if (application != null) {
      application.recordConnectionCreatedMillis(connectionCreatedMillis);
    }
  }

  @Override
  public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
    ConnectionPoolMetrics current = metrics;
    if (current != null) {
      current.recordWaitTime(elapsedAcquiredNanos / NANOS_PER_SECOND);
    }
    if (application != null) {
      application.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
    }
  }

  @Override
  public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
    ConnectionPoolMetrics current = metrics;
    if (current != null) {
      current.recordUseTime(elapsedBorrowedMillis / 1e3);
    }
    if (application != null) {
      application.recordConnectionUsageMillis(elapsedBorrowedMillis);
    }
  }

  @Override
  public void recordConnectionTimeout() {
    ConnectionPoolMetrics current = metrics;
    if (current != null) {
      current.recordTimeout();
    }
    if (application != null) {
      application.recordConnectionTimeout();
    }
  }

  /** The pool shut down. */
  @Override
  public void close() {
    stopGauges();
    if (application != null) {
      application.close();
    }
  }

  /** The pool's gauges stop reporting (shut down, or its tracker replaced). */
  synchronized void stopGauges() {
    attributes = null;
    pool = null; // a pool closed before the SDK was built is not held by the setup waiting for it
    ConnectionPoolMetrics current = metrics;
    if (current != null) {
      current.close();
    }
  }
}
