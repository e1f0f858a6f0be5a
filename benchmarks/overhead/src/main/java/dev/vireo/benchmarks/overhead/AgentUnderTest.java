package dev.vireo.benchmarks.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of the comparison: no agent, or a {@code -javaagent} jar. Every agent gets the same settings: traces
 * over OTLP http/protobuf to the harness's receiver, sampler always_on, metrics and logs exporters off (turning the
 * OpenTelemetry agent's metrics and logs off keeps the comparison about tracing). {@code settings} are extra
 * {@code -D} settings of one column, applied last (e.g. Vireo with its JVM metrics exported).
 */
record AgentUnderTest(String name, Path jar, List<String> settings) {

  static AgentUnderTest none() {
    return new AgentUnderTest("no agent", null, List.of());
  }

  static AgentUnderTest of(String name, Path jar, String... settings) {
    return new AgentUnderTest(name, jar, List.of(settings));
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
      for (String setting : settings) {
        args.add("-D" + setting);
      }
    }
    return args;
  }
}
