package dev.vireo.tooling.config;

import dev.vireo.bootstrap.VireoLog;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Switches accept {@code true} or {@code false} (any case) and nothing else: {@code maybe} or {@code yes} is
 * an ERROR and the setting falls back to its default, instead of reading as {@code false} and silently
 * switching the agent or every instrumentation off. Checked before anything reads a switch.
 */
public final class BooleanSettings {

  private BooleanSettings() {}

  /**
   * Whether {@code key} names a switch: {@code *.enabled}, {@code *.disabled}, {@code *-enabled}, debug, force and
   * add-thread-details.
   */
  static boolean isSwitch(String key) {
    return key.endsWith(".enabled")
        || key.endsWith("-enabled")
        || key.endsWith(".disabled")
        || key.equals("otel.javaagent.debug")
        || key.equals("otel.javaagent.add-thread-details")
        || key.equals("otel.javaagent.force");
  }

  /** Returns the configuration without the invalid switches (so each reader applies its own default). */
  public static AgentConfig validate(AgentConfig config) {
    Map<String, String> fixes = new HashMap<>();
    for (Map.Entry<String, String> entry : config.asMap().entrySet()) {
      String value = entry.getValue();
      if (value == null || !isSwitch(entry.getKey())) {
        continue;
      }
      String normalized = value.trim().toLowerCase(Locale.ROOT);
      if (!normalized.isEmpty() && !normalized.equals("true") && !normalized.equals("false")) {
        VireoLog.error(
            "invalid {}={}: expected true or false; using the default instead", entry.getKey(), value);
        fixes.put(entry.getKey(), null);
      }
    }
    return fixes.isEmpty() ? config : config.with(fixes);
  }
}
