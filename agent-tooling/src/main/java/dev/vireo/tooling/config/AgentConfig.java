package dev.vireo.tooling.config;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's configuration, with the OpenTelemetry Java agent's names and precedence: system
 * property ({@code otel.x.y}) over agent argument ({@code -javaagent:vireo-agent.jar=otel.x.y=v;...})
 * over environment variable ({@code OTEL_X_Y}) over the file named by {@code
 * otel.javaagent.configuration-file} over defaults. Keys are kept in property form.
 */
public final class AgentConfig extends InstrumentationConfig {

  private final Map<String, String> values;

  private AgentConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static AgentConfig load(String agentArgs) {
    return load(agentArgs, System.getenv(), System.getProperties());
  }

  static AgentConfig load(String agentArgs, Map<String, String> env, Properties systemProperties) {
    Map<String, String> merged = new HashMap<>();
    Map<String, String> fromEnv = fromEnvironment(env);
    Map<String, String> fromArgs = parseAgentArgs(agentArgs);
    Map<String, String> fromSystem = new HashMap<>();
    for (String name : systemProperties.stringPropertyNames()) {
      if (name.startsWith("otel.") || name.startsWith("vireo.")) {
        fromSystem.put(name, systemProperties.getProperty(name));
      }
    }
    String file = firstNonNull(
        fromSystem.get("otel.javaagent.configuration-file"),
        fromArgs.get("otel.javaagent.configuration-file"),
        fromEnv.get("otel.javaagent.configuration.file"));
    if (file != null) {
      merged.putAll(readFile(file));
    }
    merged.putAll(fromEnv);
    merged.putAll(fromArgs);
    merged.putAll(fromSystem);
    return new AgentConfig(merged);
  }

  /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} becomes {@code otel.exporter.otlp.endpoint}. */
  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> result = new HashMap<>();
    for (Map.Entry<String, String> entry : env.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("OTEL_") || name.startsWith("VIREO_")) {
        result.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), entry.getValue());
      }
    }
    return result;
  }

  /**
   * {@code key=value} pairs separated by {@code ;}, or by {@code ,} where that is unambiguous: a {@code ,}
   * followed by {@code otel.<key>=} or {@code vireo.<key>=} starts a new pair, any other {@code ,} belongs to
   * the value ({@code otel.propagators=tracecontext,baggage}, {@code otel.resource.attributes=a=1,b=2}).
   */
  static Map<String, String> parseAgentArgs(String agentArgs) {
    Map<String, String> result = new HashMap<>();
    if (agentArgs == null || agentArgs.trim().isEmpty()) {
      return result;
    }
    for (String pair : agentArgs.split(";|,(?=\\s*(?:otel|vireo)\\.[A-Za-z0-9._-]+=)")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      } else if (!pair.trim().isEmpty()) {
        VireoLog.warn("ignoring agent argument '{}': expected key=value", pair.trim());
      }
    }
    return result;
  }

  private static Map<String, String> readFile(String path) {
    Map<String, String> result = new HashMap<>();
    Properties properties = new Properties();
    try (InputStream in = new FileInputStream(path)) {
      properties.load(in);
      for (String name : properties.stringPropertyNames()) {
        result.put(name, properties.getProperty(name));
      }
    } catch (IOException e) {
      VireoLog.error(
          "cannot read otel.javaagent.configuration-file={} ({}); continuing without it", path, e.toString());
    }
    return result;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public String getString(String key) {
    String value = values.get(key);
    if (value == null && key.indexOf('-') >= 0) {
      // Environment variables cannot carry '-': OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS
      value = values.get(key.replace('-', '.'));
    }
    return value;
  }

  /** Everything, for handing to the SDK's autoconfiguration. */
  public Map<String, String> asMap() {
    return values;
  }

  /** A copy with some values replaced (corrections of invalid settings). */
  public AgentConfig with(Map<String, String> overrides) {
    Map<String, String> copy = new HashMap<>(values);
    copy.putAll(overrides);
    return new AgentConfig(copy);
  }
}
