package dev.vireo.instrumentation.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Read access to the agent configuration (system properties, {@code OTEL_*} variables, agent
 * arguments, configuration file) for instrumentations. Keys use the property form
 * ({@code otel.instrumentation.http.server.capture-request-headers}).
 */
public abstract class InstrumentationConfig {

  private static volatile InstrumentationConfig instance = new Empty();

  public static InstrumentationConfig get() {
    return instance;
  }

  public static void install(InstrumentationConfig config) {
    instance = config;
  }

  /** The raw value, or null. */
  public abstract String getString(String key);

  public String getString(String key, String defaultValue) {
    String value = getString(key);
    return value == null || value.trim().isEmpty() ? defaultValue : value.trim();
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String value = getString(key);
    if (value == null || value.trim().isEmpty()) {
      return defaultValue;
    }
    return Boolean.parseBoolean(value.trim());
  }

  /** Comma-separated list, trimmed, empty entries dropped. */
  public List<String> getList(String key) {
    String value = getString(key);
    if (value == null || value.trim().isEmpty()) {
      return Collections.emptyList();
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    return Collections.unmodifiableList(items);
  }

  private static final class Empty extends InstrumentationConfig {
    @Override
    public String getString(String key) {
      return System.getProperty(key);
    }
  }
}
