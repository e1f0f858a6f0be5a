package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application with its own, different versions of Byte Buddy, OkHttp, Kotlin, Okio, protobuf,
 * gRPC and the OpenTelemetry API on its class path keeps working under the agent, and is traced; its own
 * OpenTelemetry API is bridged to the agent (a manual span parents the agent's HTTP client span).
 */
class ConflictingDependenciesSmokeTest {

  @Test
  void applicationLibrariesDoNotClashWithTheAgents() throws Exception {
    List<Path> classpath = new ArrayList<>();
    classpath.add(Paths.get(System.getProperty("vireo.test.classes", "target/test-classes")));
    try (Stream<Path> jars = Files.list(Paths.get(System.getProperty("vireo.conflicting.libs")))) {
      jars.sorted().forEach(classpath::add);
    }
    assertThat(classpath.stream().map(Path::getFileName).map(Path::toString))
        .anyMatch(name -> name.startsWith("byte-buddy-1.14"))
        .anyMatch(name -> name.startsWith("okhttp-4"))
        .anyMatch(name -> name.startsWith("kotlin-stdlib-1.9"))
        .anyMatch(name -> name.startsWith("protobuf-java-3"))
        .anyMatch(name -> name.startsWith("grpc-api-1.60"))
        .anyMatch(name -> name.startsWith("guava-32"))
        .anyMatch(name -> name.startsWith("opentelemetry-api-1.30"));

    try (OtlpReceiver receiver = OtlpReceiver.open();
        RecordingServer server = new RecordingServer();
        ForkedJvm app =
            AgentJvm.builder()
                .javaagent(SmokeEnvironment.agentJar())
                .classpath(classpath.toArray(new Path[0]))
                .mainClass("dev.vireo.smoke.apps.ConflictingLibrariesApp")
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .args(server.url("/conflicts"))
                .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout())
          .contains("okhttp request GET", "kotlin pair (a, b)", "protobuf hello", "grpc metadata Metadata",
              "otel api tracer true", "STATUS 200", "DONE")
          .anyMatch(line -> line.equals("bytebuddy byte-buddy-1.14.18.jar created true"));
      // the application's own API is bridged: its manual span is the parent of the agent's CLIENT span
      List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.size() >= 2, Duration.ofSeconds(10));
      ReceivedSpan span = spans.stream().filter(s -> s.name().equals("GET")).findFirst().orElseThrow(AssertionError::new);
      ReceivedSpan manual =
          spans.stream().filter(s -> s.name().equals("conflicts-manual")).findFirst().orElseThrow(AssertionError::new);
      assertThat(manual.scopeName()).isEqualTo("app");
      assertThat(manual.attribute("app.attribute")).isEqualTo("conflicts");
      assertThat(span.parentSpanId()).isEqualTo(manual.spanId());
      assertThat(span.traceId()).isEqualTo(manual.traceId());
      assertThat(server.traceparents.get("/conflicts").get(0)).contains(span.spanId());
    }
  }
}
