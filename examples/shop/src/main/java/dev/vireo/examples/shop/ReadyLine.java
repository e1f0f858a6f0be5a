package dev.vireo.examples.shop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one line a service prints on stdout once it accepts work, e.g. {@code READY frontend port=41234}.
 *
 * <p>Format: {@code READY <service> key=value key=value ...}; values contain no spaces. A launcher that forks
 * the services reads stdout until it sees the line for the service it started.
 */
public final class ReadyLine {

  public static final String PREFIX = "READY ";

  private final String service;
  private final Map<String, String> values;

  private ReadyLine(String service, Map<String, String> values) {
    this.service = service;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Prints {@code READY <service> k1=v1 k2=v2 ...} on stdout (flushed). */
  public static void announce(String service, String... keyValues) {
    System.out.println(format(service, keyValues));
    System.out.flush();
  }

  public static String format(String service, String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("key/value pairs expected");
    }
    StringBuilder line = new StringBuilder(PREFIX).append(service);
    for (int i = 0; i < keyValues.length; i += 2) {
      line.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
    }
    return line.toString();
  }

  /** The parsed line, or empty when {@code line} is not a READY line. */
  public static Optional<ReadyLine> parse(String line) {
    if (line == null || !line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = line.substring(PREFIX.length()).trim().split("\\s+");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        values.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
      }
    }
    return Optional.of(new ReadyLine(parts[0], values));
  }

  public String service() {
    return service;
  }

  public String value(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("READY " + service + " has no " + key + ": " + values);
    }
    return value;
  }

  public Map<String, String> values() {
    return values;
  }
}
