package dev.vireo.instrumentation.hikaricp;

import com.zaxxer.hikari.metrics.PoolStats;
import dev.vireo.instrumentation.api.semconv.db.ConnectionPoolMetrics;

/** A pool's gauges as HikariCP's own statistics give them (refreshed by HikariCP at most once a second). */
final class HikariPoolState implements ConnectionPoolMetrics.PoolState {

  private final PoolStats stats;

  HikariPoolState(PoolStats stats) {
    this.stats = stats;
  }

  @Override
  public int usedConnections() {
    return stats.getActiveConnections();
  }

  @Override
  public int idleConnections() {
    return stats.getIdleConnections();
  }

  @Override
  public int minIdleConnections() {
    return stats.getMinConnections();
  }

  @Override
  public int maxConnections() {
    return stats.getMaxConnections();
  }

  @Override
  public int pendingRequests() {
    return stats.getPendingThreads();
  }
}
