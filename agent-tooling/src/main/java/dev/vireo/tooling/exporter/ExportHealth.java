package dev.vireo.tooling.exporter;

import dev.vireo.bootstrap.VireoLog;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether span export works, with the counters an operator alerts on, and the log policy: one WARN
 * when export starts failing (endpoint and cause), at most one reminder a minute while it keeps
 * failing, one INFO when it recovers (with what was lost meanwhile). Never a line per failed batch.
 *
 * <p>Fed only from the exporter's completion callbacks (background threads); the application's
 * threads never touch it.
 */
public final class ExportHealth {

  static final long REMINDER_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  /**
   * How long every successful export must have found newly dropped spans (queue full) before that counts as an
   * outage: the collector is too slow for the span rate, a failure like a refused connection. A burst that
   * overflows the queue for a few seconds is not.
   */
  static final long SUSTAINED_DROP_NANOS = TimeUnit.SECONDS.toNanos(30);

  /**
   * While all is well, how often a successful export looks for dropped spans. Reading them collects the whole meter
   * provider (the processor publishes them only as metrics), which runs every observable callback, the JVM metrics'
   * and the application's own: at most once per this interval, not on every batch (ten a second under load). An
   * outage's count of dropped spans may then include those of the few seconds before its last success.
   */
  static final long HEALTHY_DROP_CHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final String endpoint;
  private final int maxQueueSize;
  private final Supplier<SpanQueueMetricReader.Snapshot> queue;
  private final LongSupplier nanoClock;
  private final long reminderIntervalNanos;

  private final AtomicLong spansExported = new AtomicLong();
  private final AtomicLong spansFailed = new AtomicLong();
  private final AtomicLong failedExports = new AtomicLong();
  private volatile boolean healthy = true;
  private volatile String lastError = "";
  // the latest failure could not reach the collector at all (refused, unknown host): exports fail fast
  private volatile boolean unreachable;
  // since when every successful export found newly dropped spans; guarded by this
  private boolean dropping;
  private long droppingSinceNanos;
  private long droppedWhenDroppingBegan;

  // Drops are only known from the processor's telemetry, and they start before the first export fails
  // (the queue fills while that export is still retrying): an outage counts them from the last success.
  private volatile long droppedAtLastSuccess;
  private volatile long lastDropCheckNanos;

  // Outage bookkeeping, guarded by this.
  private boolean queueFullOutage;
  private long failingSinceNanos;
  private long lastReportNanos;
  private long droppedAtOutageStart;
  private long failedSpansAtOutageStart;
  private long failedExportsAtOutageStart;

  public ExportHealth(String endpoint, int maxQueueSize, Supplier<SpanQueueMetricReader.Snapshot> queue) {
    this(endpoint, maxQueueSize, queue, System::nanoTime, REMINDER_INTERVAL_NANOS);
  }

  ExportHealth(
      String endpoint,
      int maxQueueSize,
      Supplier<SpanQueueMetricReader.Snapshot> queue,
      LongSupplier nanoClock,
      long reminderIntervalNanos) {
    this.endpoint = endpoint;
    this.maxQueueSize = maxQueueSize;
    this.queue = queue;
    this.nanoClock = nanoClock;
    this.lastDropCheckNanos = nanoClock.getAsLong() - HEALTHY_DROP_CHECK_NANOS; // the first export looks
    this.reminderIntervalNanos = reminderIntervalNanos;
  }

  /** A batch of {@code spans} reached the collector. */
  public void exportSucceeded(int spans) {
    spansExported.addAndGet(spans);
    unreachable = false;
    long checkedAt = nanoClock.getAsLong();
    if (healthy && !dropping && checkedAt - lastDropCheckNanos < HEALTHY_DROP_CHECK_NANOS) {
      return;
    }
    lastDropCheckNanos = checkedAt;
    long droppedNow = spansDropped();
    long newDrops = droppedNow - droppedAtLastSuccess;
    if (healthy && newDrops <= 0 && !dropping) {
      droppedAtLastSuccess = droppedNow;
      return;
    }
    synchronized (this) {
      long now = nanoClock.getAsLong();
      if (healthy) {
        long droppedBefore = droppedAtLastSuccess;
        droppedAtLastSuccess = droppedNow;
        if (newDrops <= 0) {
          dropping = false;
          return;
        }
        if (!dropping) {
          dropping = true;
          droppingSinceNanos = now;
          droppedWhenDroppingBegan = droppedBefore;
        }
        if (now - droppingSinceNanos < SUSTAINED_DROP_NANOS) {
          return;
        }
        dropping = false;
        String description =
            "queue full: " + (droppedNow - droppedWhenDroppingBegan) + " spans dropped in " + duration(now - droppingSinceNanos)
                + " (the collector takes spans more slowly than the application makes them)";
        startOutage(now, description, spansFailed.get(), failedExports.get());
        droppedAtOutageStart = droppedWhenDroppingBegan;
        queueFullOutage = true;
        VireoLog.warn(
            "span export to {} is losing spans: {}. The queue holds at most {} (otel.bsp.max.queue.size); the"
                + " application is not slowed down. Reminders at most once a minute, and one line when export"
                + " keeps up again.",
            endpoint,
            description,
            maxQueueSize);
        return;
      }
      droppedAtLastSuccess = droppedNow;
      if (queueFullOutage && newDrops > 0) {
        lastError = "queue full: " + newDrops + " spans dropped since the previous export";
        remindIfDue(now, lastError);
        return;
      }
      healthy = true;
      queueFullOutage = false;
      long dropped = droppedNow - droppedAtOutageStart;
      long failedSpans = spansFailed.get() - failedSpansAtOutageStart;
      long failedBatches = failedExports.get() - failedExportsAtOutageStart;
      VireoLog.info(
          "span export to {} recovered after {}; lost meanwhile: {} spans dropped because the queue was full,"
              + " {} spans in {} failed exports",
          endpoint,
          duration(now - failingSinceNanos),
          dropped,
          failedSpans,
          failedBatches);
    }
  }

  /** Guarded by this. */
  private void startOutage(long now, String description, long failedSpansBefore, long failedExportsBefore) {
    healthy = false;
    lastError = description;
    failingSinceNanos = now;
    lastReportNanos = now;
    droppedAtOutageStart = droppedAtLastSuccess;
    failedSpansAtOutageStart = failedSpansBefore;
    failedExportsAtOutageStart = failedExportsBefore;
  }

  /** Guarded by this. */
  private void remindIfDue(long now, String description) {
    if (now - lastReportNanos < reminderIntervalNanos) {
      return;
    }
    lastReportNanos = now;
    VireoLog.warn(
        "span export to {} still failing after {}: {}; so far {} spans dropped because the queue was full,"
            + " {} spans in {} failed exports",
        endpoint,
        duration(now - failingSinceNanos),
        description,
        spansDropped() - droppedAtOutageStart,
        spansFailed.get() - failedSpansAtOutageStart,
        failedExports.get() - failedExportsAtOutageStart);
  }

  /** A batch of {@code spans} was given up on (after the exporter's own retries), for {@code cause}. */
  public void exportFailed(int spans, Throwable cause) {
    String description = ExportFailureCause.describe(cause);
    unreachable = ExportFailureCause.isUnreachable(cause);
    synchronized (this) {
      // counters and lastError move together so a recovery report never sees half an update
      long failedSpansBefore = spansFailed.getAndAdd(spans);
      long failedExportsBefore = failedExports.getAndIncrement();
      lastError = description;
      long now = nanoClock.getAsLong();
      queueFullOutage = false;
      if (healthy) {
        startOutage(now, description, failedSpansBefore, failedExportsBefore);
        VireoLog.warn(
            "span export to {} is failing: {}. Spans wait in a queue of at most {} (otel.bsp.max.queue.size)"
                + " and are dropped beyond it; the application is not slowed down. Reminders at most once a"
                + " minute, and one line when export recovers.",
            endpoint,
            description,
            maxQueueSize);
      } else {
        remindIfDue(now, description);
      }
    }
  }

  /**
   * Whether the collector is known to be down: the latest export could not even connect. Exit then waits for
   * one short last attempt, not for the whole shutdown bound.
   */
  public boolean isCollectorUnreachable() {
    return !healthy && unreachable;
  }

  public String endpoint() {
    return endpoint;
  }

  public long spansExported() {
    return spansExported.get();
  }

  /** Spans in batches the exporter gave up on. */
  public long spansFailed() {
    return spansFailed.get();
  }

  /** Export calls (batches) that failed. */
  public long failedExports() {
    return failedExports.get();
  }

  /** Spans the processor dropped because its queue was full. */
  public long spansDropped() {
    return queue.get().droppedQueueFull;
  }

  /**
   * Application log records the batch log record processor dropped because its queue was full
   * ({@code otel.blrp.max.queue.size}): a log storm costs records, never the logging thread's time.
   */
  public long logRecordsDropped() {
    return queue.get().logRecordsDroppedQueueFull;
  }

  public long queueSize() {
    return queue.get().queueSize;
  }

  public int maxQueueSize() {
    return maxQueueSize;
  }

  /** False from the first failed export until the next successful one. */
  public boolean isHealthy() {
    return healthy;
  }

  /** The cause of the latest failed export; empty before any failure. */
  public String lastError() {
    return lastError;
  }

  static String duration(long nanos) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
    if (seconds < 60) {
      return TimeUnit.NANOSECONDS.toMillis(nanos) / 100 / 10.0 + " s";
    }
    return seconds / 60 + " min " + seconds % 60 + " s";
  }
}
