package dev.vireo.tooling.protection;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.CircuitBreakerState;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.Locale;

/**
 * Stops new spans while the JVM is short of memory: when the heap is still at least {@code
 * heap-threshold} full after garbage collection, or collection took at least {@code
 * gc-time-threshold} of the wall-clock time over the last {@code window}. Spans start again when
 * the heap after GC is 10 points below its threshold and GC time under half of its threshold. One
 * WARN when it opens, one INFO when it closes; the state is in the exporter-health MBean and
 * metrics. Checks run on one daemon thread, ten per window; where spans start, the cost is one
 * volatile read ({@link CircuitBreakerState}). Context still propagates while it is open.
 */
public final class CircuitBreaker implements Runnable {

  static final String PREFIX = "otel.javaagent.circuit-breaker.";
  static final double DEFAULT_HEAP_THRESHOLD = 0.95;
  static final double DEFAULT_GC_TIME_THRESHOLD = 0.5;
  static final long DEFAULT_WINDOW_MILLIS = 10_000;
  static final int SAMPLES_PER_WINDOW = 10;

  private static volatile String reason = "";
  private static volatile long trips;

  private final double heapThreshold;
  private final double gcTimeThreshold;
  private final long windowMillis;
  private final long[] gcMillisRing = new long[SAMPLES_PER_WINDOW + 1];
  private final long[] nanoRing = new long[SAMPLES_PER_WINDOW + 1];
  private int samples;

  CircuitBreaker(double heapThreshold, double gcTimeThreshold, long windowMillis) {
    this.heapThreshold = heapThreshold;
    this.gcTimeThreshold = gcTimeThreshold;
    this.windowMillis = windowMillis;
  }

  /** Starts the monitor thread unless {@code otel.javaagent.circuit-breaker.enabled=false}. */
  public static void start(InstrumentationConfig config) {
    if (!config.getBoolean(PREFIX + "enabled", true)) {
      return;
    }
    double heap = share(config, "heap-threshold", DEFAULT_HEAP_THRESHOLD);
    double gc = share(config, "gc-time-threshold", DEFAULT_GC_TIME_THRESHOLD);
    long window = millis(config, "window", DEFAULT_WINDOW_MILLIS);
    Thread thread = new Thread(new CircuitBreaker(heap, gc, window), "vireo-circuit-breaker");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY); // it must still run when the JVM is struggling
    thread.start();
  }

  /** Whether spans are being skipped now. */
  public static boolean isOpen() {
    return CircuitBreakerState.isOpen();
  }

  /** Why it opened (kept after it closed); empty before it ever opened. */
  public static String reason() {
    return reason;
  }

  /** How often it opened since start. */
  public static long trips() {
    return trips;
  }

  @Override
  public void run() {
    long interval = Math.max(50, windowMillis / SAMPLES_PER_WINDOW);
    MemoryPressure pressure = null;
    while (true) {
      try {
        Thread.sleep(interval); // the sampling period of a monitor, not a wait for an event
        if (pressure == null) {
          pressure = new MemoryPressure(); // JMX is loaded here, not during premain
        }
        update(pressure.heapUsedAfterGc(), pressure.gcMillis(), System.nanoTime());
      } catch (InterruptedException stop) {
        return;
      } catch (Throwable unexpected) {
        logFailedCheck(unexpected);
      }
    }
  }

  /**
   * An out-of-memory error can strike again while its message is made: the monitor of heap pressure must outlive
   * it (it once died of it, 2026-12-06), so that it still opens the breaker.
   */
  private static void logFailedCheck(Throwable unexpected) {
    try {
      VireoLog.debug("circuit breaker check failed: {}", unexpected.toString());
    } catch (Throwable noRoomToSayIt) {
      // nothing to do: the next check runs in one interval
    }
  }

  /** One sample; opens or closes the breaker. Package-private for tests. */
  void update(double heapAfterGc, long gcMillis, long nanoTime) {
    int slot = samples % gcMillisRing.length;
    gcMillisRing[slot] = gcMillis;
    nanoRing[slot] = nanoTime;
    samples++;
    double gcShare = 0;
    if (samples > 1) {
      int oldest = samples > gcMillisRing.length ? samples % gcMillisRing.length : 0;
      long elapsedNanos = nanoTime - nanoRing[oldest];
      if (elapsedNanos > 0) {
        gcShare = (gcMillis - gcMillisRing[oldest]) * 1_000_000.0 / elapsedNanos;
      }
    }
    boolean open = CircuitBreakerState.isOpen();
    if (!open) {
      String why = null;
      if (heapAfterGc >= heapThreshold) {
        why = String.format(Locale.ROOT, "heap %.0f%% full after garbage collection (threshold %.0f%%)",
            heapAfterGc * 100, heapThreshold * 100);
      } else if (samples > SAMPLES_PER_WINDOW / 2 && gcShare >= gcTimeThreshold) {
        why = String.format(Locale.ROOT, "garbage collection took %.0f%% of the time over the last %d s (threshold %.0f%%)",
            gcShare * 100, windowMillis / 1000, gcTimeThreshold * 100);
      }
      if (why != null) {
        reason = why;
        trips++;
        CircuitBreakerState.setOpen(true);
        VireoLog.warn(
            "circuit breaker open: {}. Vireo starts no spans until the pressure passes (context still propagates)", why);
      }
    } else if (heapAfterGc < heapThreshold - 0.10 && gcShare < gcTimeThreshold / 2) {
      CircuitBreakerState.setOpen(false);
      VireoLog.info(
          String.format(Locale.ROOT,
              "circuit breaker closed: heap %.0f%% full after garbage collection, garbage collection %.0f%% of the time;"
                  + " spans start again",
              Math.max(0, heapAfterGc) * 100, gcShare * 100));
    }
  }

  private static double share(InstrumentationConfig config, String key, double defaultValue) {
    String value = config.getString(PREFIX + key);
    if (value == null || value.trim().isEmpty()) {
      return defaultValue;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (parsed > 0 && parsed <= 1) {
        return parsed;
      }
    } catch (NumberFormatException bad) {
      // the ERROR below
    }
    VireoLog.error("{}{}={} is not a share between 0 and 1 (e.g. 0.9); using {}", PREFIX, key, value, defaultValue);
    return defaultValue;
  }

  private static long millis(InstrumentationConfig config, String key, long defaultValue) {
    String value = config.getString(PREFIX + key);
    if (value == null || value.trim().isEmpty()) {
      return defaultValue;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      long parsed;
      if (v.endsWith("ms")) {
        parsed = Long.parseLong(v.substring(0, v.length() - 2));
      } else if (v.endsWith("s")) {
        parsed = Long.parseLong(v.substring(0, v.length() - 1)) * 1000;
      } else {
        parsed = Long.parseLong(v);
      }
      if (parsed >= 500 && parsed <= 3_600_000) {
        return parsed;
      }
    } catch (NumberFormatException bad) {
      // the ERROR below
    }
    VireoLog.error("{}{}={} is not a duration between 500ms and 1h (e.g. 10s); using {} ms", PREFIX, key, value, defaultValue);
    return defaultValue;
  }
}
