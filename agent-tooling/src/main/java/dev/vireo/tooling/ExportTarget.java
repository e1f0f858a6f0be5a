package dev.vireo.tooling;

import dev.vireo.tooling.config.AgentConfig;

/** Where traces go, for the start-up line: "otlp http/protobuf http://collector:4318/v1/traces". */
public final class ExportTarget {

  private ExportTarget() {}

  public static String describe(AgentConfig config) {
    StringBuilder out = new StringBuilder();
    for (String exporter : config.getList("otel.traces.exporter").isEmpty()
        ? java.util.Collections.singletonList("otlp")
        : config.getList("otel.traces.exporter")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(exporter);
      if (exporter.equals("otlp")) {
        String protocol =
            config.getString(
                "otel.exporter.otlp.traces.protocol", config.getString("otel.exporter.otlp.protocol", "http/protobuf"));
        out.append(' ').append(protocol).append(' ').append(endpoint(config, protocol));
      }
    }
    return out.toString();
  }

  static String endpoint(AgentConfig config, String protocol) {
    String traces = config.getString("otel.exporter.otlp.traces.endpoint");
    if (traces != null) {
      return traces;
    }
    boolean grpc = "grpc".equals(protocol);
    String base = config.getString("otel.exporter.otlp.endpoint", grpc ? "http://localhost:4317" : "http://localhost:4318");
    if (grpc) {
      return base;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
  }
}
