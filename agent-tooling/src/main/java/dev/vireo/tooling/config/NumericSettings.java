package dev.vireo.tooling.config;

import dev.vireo.bootstrap.VireoLog;
import java.util.Map;

/**
 * Durations and sizes. Each is parsed on its own ({@link ConfigDuration} for durations); an unparsable or
 * negative value falls back to the default, and a value that would hurt the application is clamped: a queue
 * size that would allocate gigabytes, a schedule delay of 0 that makes the export thread spin. Each gives one
 * ERROR naming the key, the value and what is used instead. Valid durations reach the SDK as plain
 * milliseconds, so the SDK never sees a spelling it reads differently.
 */
final class NumericSettings {

  /** Far above any sane queue: 65,536 slots; a queue of 10^9 slots is an OutOfMemoryError. */
  static final int MAX_QUEUE_SIZE = 65_536;

  /** Below this an idle export thread wakes up so often that it burns a core. */
  static final long MIN_SCHEDULE_DELAY_MILLIS = 100;

  /** Exporting metrics more often than once a second costs CPU for nothing. */
  static final long MIN_METRIC_INTERVAL_MILLIS = 1_000;

  private NumericSettings() {}

  static void check(AgentConfig config, Map<String, String> fixes) {
    duration(config, "otel.bsp.schedule.delay", 5_000, MIN_SCHEDULE_DELAY_MILLIS, fixes);
    duration(config, "otel.bsp.export.timeout", 30_000, 0, fixes);
    duration(config, "otel.blrp.schedule.delay", 1_000, MIN_SCHEDULE_DELAY_MILLIS, fixes);
    duration(config, "otel.blrp.export.timeout", 30_000, 0, fixes);
    duration(config, "otel.metric.export.interval", 60_000, MIN_METRIC_INTERVAL_MILLIS, fixes);
    duration(config, "otel.metric.export.timeout", 30_000, 0, fixes);
    duration(config, "otel.exporter.otlp.timeout", 10_000, 0, fixes);
    for (String signal : new String[] {"traces", "metrics", "logs"}) {
      duration(config, "otel.exporter.otlp." + signal + ".timeout", 10_000, 0, fixes);
    }
    duration(config, "otel.javaagent.shutdown.timeout", 5_000, 0, fixes);

    size(config, "otel.bsp.max.queue.size", 2_048, 1, MAX_QUEUE_SIZE, fixes);
    size(config, "otel.bsp.max.export.batch.size", 512, 1, MAX_QUEUE_SIZE, fixes);
    size(config, "otel.blrp.max.queue.size", 2_048, 1, MAX_QUEUE_SIZE, fixes);
    size(config, "otel.blrp.max.export.batch.size", 512, 1, MAX_QUEUE_SIZE, fixes);
    // limits: no default means unlimited, so an invalid one is dropped
    for (String key :
        new String[] {
          "otel.attribute.value.length.limit",
          "otel.attribute.count.limit",
          "otel.span.attribute.value.length.limit",
          "otel.span.attribute.count.limit",
          "otel.span.event.count.limit",
          "otel.span.link.count.limit",
          "otel.event.attribute.count.limit",
          "otel.link.attribute.count.limit",
          "otel.logrecord.attribute.value.length.limit",
          "otel.logrecord.attribute.count.limit",
        }) {
      size(config, key, -1, 0, Integer.MAX_VALUE, fixes);
    }
  }

  private static void duration(
      AgentConfig config, String key, long defaultMillis, long minMillis, Map<String, String> fixes) {
    String value = config.getString(key);
    if (value == null || value.trim().isEmpty()) {
      return;
    }
    long millis = ConfigDuration.parseMillis(value);
    if (millis < 0) {
      ConfigValidation.fallback(key, value, defaultMillis + "ms", fixes);
      fixes.put(key, String.valueOf(defaultMillis));
    } else if (millis < minMillis) {
      VireoLog.error("{}={} is below the minimum; using {}ms instead", key, value, minMillis);
      fixes.put(key, String.valueOf(minMillis));
    } else if (!value.trim().equals(String.valueOf(millis))) {
      fixes.put(key, String.valueOf(millis));
    }
  }

  /** {@code defaultValue} -1: no default, an invalid value is removed. */
  private static void size(
      AgentConfig config, String key, int defaultValue, int min, int max, Map<String, String> fixes) {
    String value = config.getString(key);
    if (value == null || value.trim().isEmpty()) {
      return;
    }
    long number;
    try {
      number = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      number = Long.MIN_VALUE;
    }
    if (number < min) {
      ConfigValidation.fallback(key, value, defaultValue < 0 ? null : String.valueOf(defaultValue), fixes);
      if (defaultValue < 0) {
        fixes.put(key, null);
      }
    } else if (number > max) {
      VireoLog.error("{}={} is above the maximum; using {} instead", key, value, max);
      fixes.put(key, String.valueOf(max));
    } else if (!value.trim().equals(String.valueOf(number))) {
      fixes.put(key, String.valueOf(number));
    }
  }
}
