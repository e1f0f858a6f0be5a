package dev.vireo.tooling.config;

import dev.vireo.bootstrap.VireoLog;
import java.io.File;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values the SDK parses itself and refuses to start on: {@code k=v} lists (resource attributes, OTLP
 * headers) and certificate files. A malformed list keeps its well-formed entries; a missing file is dropped.
 * Either way one ERROR, and spans still leave.
 */
final class SdkValueSettings {

  private static final String[] SIGNAL_PREFIXES = {
    "otel.exporter.otlp.", "otel.exporter.otlp.traces.", "otel.exporter.otlp.metrics.", "otel.exporter.otlp.logs."
  };

  private SdkValueSettings() {}

  static void check(AgentConfig config, Map<String, String> fixes) {
    keyValueList(config, "otel.resource.attributes", fixes);
    for (String prefix : SIGNAL_PREFIXES) {
      keyValueList(config, prefix + "headers", fixes);
      file(config, prefix + "certificate", fixes);
      file(config, prefix + "client.key", fixes);
      file(config, prefix + "client.certificate", fixes);
    }
  }

  /** The SDK's map syntax: {@code k=v,k2=v2}, each value percent-decodable; anything else fails the SDK. */
  private static void keyValueList(AgentConfig config, String key, Map<String, String> fixes) {
    String value = config.getString(key);
    if (value == null) {
      return;
    }
    List<String> valid = new ArrayList<>();
    boolean malformed = false;
    for (String entry : value.split(",")) {
      if (entry.trim().isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq > 0 && !entry.substring(0, eq).trim().isEmpty() && decodable(entry.substring(eq + 1))) {
        valid.add(entry.trim());
      } else {
        malformed = true;
      }
    }
    if (malformed) {
      String kept = String.join(",", valid);
      VireoLog.error(
          "invalid {}={}: expected key=value pairs separated by ','; using {} instead",
          key,
          value,
          kept.isEmpty() ? "none" : kept);
      fixes.put(key, kept.isEmpty() ? null : kept);
    }
  }

  private static boolean decodable(String value) {
    try {
      URLDecoder.decode(value, "UTF-8");
      return true;
    } catch (IllegalArgumentException | UnsupportedEncodingException e) {
      return false;
    }
  }

  private static void file(AgentConfig config, String key, Map<String, String> fixes) {
    String value = config.getString(key);
    if (value == null || value.trim().isEmpty()) {
      return;
    }
    File file = new File(value.trim());
    if (!file.isFile() || !file.canRead()) {
      VireoLog.error("invalid {}={}: no readable file there; using none instead", key, value);
      fixes.put(key, null);
    }
  }
}
