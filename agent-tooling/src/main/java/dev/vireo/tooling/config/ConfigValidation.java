package dev.vireo.tooling.config;

import dev.vireo.bootstrap.VireoLog;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the settings that would otherwise make the SDK refuse to start, or cost the application its
 * memory or CPU. Every key is checked on its own, so one bad value never costs the rest of the telemetry. Each bad value gives one
 * clear line naming the key, the value and the fallback, and is replaced by the fallback: a typo in
 * a tracing setting must never stop the application.
 */
public final class ConfigValidation {

  private static final Set<String> SPAN_EXPORTERS =
      new HashSet<>(Arrays.asList("otlp", "console", "logging", "logging-otlp", "none"));
  private static final Set<String> METRIC_EXPORTERS =
      new HashSet<>(Arrays.asList("otlp", "console", "logging", "logging-otlp", "prometheus", "none"));
  private static final Set<String> LOG_EXPORTERS =
      new HashSet<>(Arrays.asList("otlp", "console", "logging", "logging-otlp", "none"));
  private static final Set<String> SAMPLERS =
      new HashSet<>(
          Arrays.asList(
              "always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off",
              "parentbased_traceidratio"));
  /** What the SDK, opentelemetry-extension-trace-propagators and the contrib AWS X-Ray propagator provide. */
  private static final Set<String> PROPAGATORS =
      new HashSet<>(
          Arrays.asList(
              "tracecontext", "baggage", "b3", "b3multi", "jaeger", "ottrace", "xray", "xray-lambda", "none"));
  private static final Set<String> PROTOCOLS = new HashSet<>(Arrays.asList("grpc", "http/protobuf"));

  private ConfigValidation() {}

  private static final Set<String> METRIC_EXEMPLAR_FILTERS =
      new HashSet<>(Arrays.asList("trace_based", "always_on", "always_off"));
  private static final Set<String> METRIC_TEMPORALITIES =
      new HashSet<>(Arrays.asList("cumulative", "delta", "lowmemory"));
  /** The OTLP exporters' {@code otel.java.exporter.memory_mode}; anything else and the SDK refuses to start. */
  static final String MEMORY_MODE = "otel.java.exporter.memory_mode";
  private static final Set<String> MEMORY_MODES = new HashSet<>(Arrays.asList("reusable_data", "immutable_data"));
  private static final Set<String> METRIC_HISTOGRAM_AGGREGATIONS =
      new HashSet<>(Arrays.asList("explicit_bucket_histogram", "base2_exponential_bucket_histogram"));

  /** Returns the corrected configuration (the same instance when everything is valid). */
  public static AgentConfig validate(AgentConfig config) {
    return validate(config, ProvidedComponents.NONE);
  }

  /** Like {@link #validate(AgentConfig)}, also accepting the names that extensions provide. */
  public static AgentConfig validate(AgentConfig config, ProvidedComponents provided) {
    config = BooleanSettings.validate(config);
    Map<String, String> fixes = new HashMap<>();
    checkList(config, "otel.traces.exporter", SPAN_EXPORTERS, provided.spanExporters, "otlp", fixes);
    checkList(config, "otel.metrics.exporter", METRIC_EXPORTERS, provided.otherExporters, "otlp", fixes);
    checkList(config, "otel.logs.exporter", LOG_EXPORTERS, provided.otherExporters, "otlp", fixes);
    checkList(config, "otel.propagators", PROPAGATORS, provided.propagators, "tracecontext,baggage", fixes);
    checkOne(config, "otel.exporter.otlp.protocol", PROTOCOLS, "http/protobuf", fixes);
    String generalProtocol =
        fixes.containsKey("otel.exporter.otlp.protocol")
            ? fixes.get("otel.exporter.otlp.protocol")
            : config.getString("otel.exporter.otlp.protocol", "http/protobuf");
    checkOne(config, "otel.exporter.otlp.traces.protocol", PROTOCOLS, generalProtocol, fixes);
    checkOne(config, "otel.exporter.otlp.metrics.protocol", PROTOCOLS, generalProtocol, fixes);
    checkOne(config, "otel.exporter.otlp.logs.protocol", PROTOCOLS, generalProtocol, fixes);
    checkOne(config, "otel.exporter.otlp.compression", new HashSet<>(Arrays.asList("gzip", "none")), "none", fixes);
    // The SDK parses the memory mode with MemoryMode.valueOf(value.toUpperCase()): an unknown name, or a known one
    // with a space around it, fails the whole SDK. Unknown names fall back to reusable_data, the OTLP span and log
    // exporters' default (issue 24: the cheaper mode, safe with the batch processors' single export thread).
    checkOne(config, MEMORY_MODE, MEMORY_MODES, "reusable_data", fixes);
    // metric settings the SDK's autoconfiguration refuses outright, failing the whole SDK (spans too)
    checkOne(config, "otel.metrics.exemplar.filter", METRIC_EXEMPLAR_FILTERS, "trace_based", fixes);
    checkOne(
        config, "otel.exporter.otlp.metrics.temporality.preference", METRIC_TEMPORALITIES, "cumulative", fixes);
    checkOne(
        config,
        "otel.exporter.otlp.metrics.default.histogram.aggregation",
        METRIC_HISTOGRAM_AGGREGATIONS,
        "explicit_bucket_histogram",
        fixes);

    checkOne(config, "otel.traces.sampler", SAMPLERS, provided.samplers, "parentbased_always_on", fixes);
    String sampler = lower(fixes.getOrDefault("otel.traces.sampler", config.getString("otel.traces.sampler")));
    String ratio = config.getString("otel.traces.sampler.arg");
    if (ratio != null && sampler != null && sampler.endsWith("traceidratio")) {
      try {
        double value = Double.parseDouble(ratio.trim());
        if (!(value >= 0 && value <= 1)) {
          fallback("otel.traces.sampler.arg", ratio, "1.0", fixes);
        }
      } catch (NumberFormatException e) {
        fallback("otel.traces.sampler.arg", ratio, "1.0", fixes);
      }
    }
    boolean grpc = "grpc".equals(lower(generalProtocol));
    String base = grpc ? "http://localhost:4317" : "http://localhost:4318";
    checkEndpoint(config, "otel.exporter.otlp.endpoint", base, fixes);
    checkEndpoint(config, "otel.exporter.otlp.traces.endpoint", grpc ? base : base + "/v1/traces", fixes);
    checkEndpoint(config, "otel.exporter.otlp.metrics.endpoint", grpc ? base : base + "/v1/metrics", fixes);
    checkEndpoint(config, "otel.exporter.otlp.logs.endpoint", grpc ? base : base + "/v1/logs", fixes);
    NumericSettings.check(config, fixes);
    SdkValueSettings.check(config, fixes);
    if (fixes.isEmpty()) {
      return config;
    }
    return config.with(fixes);
  }

  private static void checkEndpoint(AgentConfig config, String key, String fallback, Map<String, String> fixes) {
    String endpoint = config.getString(key);
    if (endpoint != null && !isHttpUrl(endpoint)) {
      fallback(key, endpoint, fallback, fixes);
    }
  }

  /**
   * Names are compared ignoring case, as the SDK environment variable specification asks of enum values, but the
   * SDK's autoconfiguration compares them exactly: a built-in name is handed over in lower case ({@code NONE} would
   * otherwise fail the whole SDK), an extension's name as written (its provider may use capitals).
   */
  private static void checkList(
      AgentConfig config,
      String key,
      Set<String> known,
      Set<String> provided,
      String fallback,
      Map<String, String> fixes) {
    String value = config.getString(key);
    if (value == null) {
      return;
    }
    StringBuilder normalized = new StringBuilder();
    for (String item : value.split(",")) {
      String written = item.trim();
      String name = written.toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!known.contains(name) && !provided.contains(name)) {
        fallback(key, value, fallback, fixes);
        return;
      }
      normalized.append(normalized.length() == 0 ? "" : ",").append(known.contains(name) ? name : written);
    }
    if (!normalized.toString().equals(value)) {
      fixes.put(key, normalized.toString());
    }
  }

  /** One built-in name, compared ignoring case and handed over in lower case (see {@link #checkList}). */
  private static void checkOne(
      AgentConfig config, String key, Set<String> known, String fallback, Map<String, String> fixes) {
    checkOne(config, key, known, Collections.<String>emptySet(), fallback, fixes);
  }

  /** The same, where an extension may provide further names: those are handed over as written. */
  private static void checkOne(
      AgentConfig config,
      String key,
      Set<String> known,
      Set<String> provided,
      String fallback,
      Map<String, String> fixes) {
    String written = config.getString(key);
    String value = lower(written);
    if (value == null) {
      return;
    }
    if (!known.contains(value) && !provided.contains(value)) {
      fallback(key, written, fallback, fixes);
    } else if (known.contains(value) && !value.equals(written)) {
      fixes.put(key, value);
    }
  }

  static void fallback(String key, String value, String fallback, Map<String, String> fixes) {
    VireoLog.error("invalid {}={}; using {} instead", key, value, fallback == null ? "the default" : fallback);
    fixes.put(key, fallback);
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null
          && uri.getPort() <= 65535;
    } catch (Exception e) {
      return false;
    }
  }

  private static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
