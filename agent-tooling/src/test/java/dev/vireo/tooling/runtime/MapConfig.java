package dev.vireo.tooling.runtime;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.HashMap;
import java.util.Map;

/** Settings given as key/value pairs, for tests. */
final class MapConfig extends InstrumentationConfig {

  private final Map<String, String> values = new HashMap<>();

  static MapConfig of(String... keysAndValues) {
    MapConfig config = new MapConfig();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      config.values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return config;
  }

  @Override
  public String getString(String key) {
    return values.get(key);
  }
}
