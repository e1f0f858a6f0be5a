package dev.vireo.tooling.config;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK's duration syntax, for every duration setting: a non-negative whole number with an
 * optional unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}; no unit means milliseconds. The one
 * parser for these settings, so the validator and the agent's own readers ({@code
 * otel.javaagent.shutdown.timeout}) agree on what a value means.
 */
public final class ConfigDuration {

  /** Longer durations overflow the SDK's nanosecond arithmetic. */
  static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

  private ConfigDuration() {}

  /** The duration in milliseconds, or -1 when {@code value} is not a valid duration. */
  public static long parseMillis(String value) {
    if (value == null) {
      return -1;
    }
    String text = value.trim().toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > 18) {
      return -1;
    }
    long amount = Long.parseLong(text.substring(0, digits));
    TimeUnit unit = unit(text.substring(digits).trim());
    if (unit == null || amount > unit.convert(MAX_MILLIS, TimeUnit.MILLISECONDS)) {
      return -1;
    }
    return unit.toMillis(amount);
  }

  /** Like {@link #parseMillis(String)}, with {@code defaultMillis} for a missing or invalid value. */
  public static long millisOrDefault(String value, long defaultMillis) {
    long millis = parseMillis(value);
    return millis < 0 ? defaultMillis : millis;
  }

  private static TimeUnit unit(String suffix) {
    switch (suffix) {
      case "":
      case "ms":
        return TimeUnit.MILLISECONDS;
      case "s":
        return TimeUnit.SECONDS;
      case "m":
        return TimeUnit.MINUTES;
      case "h":
        return TimeUnit.HOURS;
      case "d":
        return TimeUnit.DAYS;
      default:
        return null;
    }
  }
}
