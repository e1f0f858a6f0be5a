package dev.vireo.benchmarks.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of the comparison: no agent, or a {@code -javaagent} jar. Both agents get the same settings: traces
 * over OTLP http/protobuf to the harness's receiver, sampler always_on, metrics and logs exporters off (Vireo exports
 * traces only; turning the OpenTelemetry agent's metrics and logs off keeps the comparison about tracing).
 */
record AgentUnderTest(String name, Path jar) {

  static AgentUnderTest none() {
    return new AgentUnderTest("no agent", null);
  }

  boolean isNone() {
    return jar == null;
  }

  List<String> jvmArguments(String otlpEndpoint, String serviceName) {
    List<String> args = new ArrayList<>();
    if (jar != null) {
      args.add("-javaagent:" + jar.toAbsolutePath());
      args.add("-Dotel.service.name=" + serviceName);
      args.add("-Dotel.exporter.otlp.protocol=http/protobuf");
      args.add("-Dotel.exporter.otlp.endpoint=" + otlpEndpoint);
      args.add("-Dotel.traces.exporter=otlp");
      args.add("-Dotel.traces.sampler=always_on");
      args.add("-Dotel.metrics.exporter=none");
      args.add("-Dotel.logs.exporter=none");
    }
    return args;
  }
}
