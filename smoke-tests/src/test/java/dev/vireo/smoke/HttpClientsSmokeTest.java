package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent traces java.net.http.HttpClient and the application's own OkHttp 4 (the agent
 * bundles a different OkHttp for its exporter: the instrumentation must work on the application's).
 */
class HttpClientsSmokeTest {

  @Test
  void jdkClientAndApplicationsOkHttpAreTracedAndPropagate() throws Exception {
    List<Path> classpath = new ArrayList<>();
    classpath.add(Paths.get(System.getProperty("vireo.test.classes", "target/test-classes")));
    try (Stream<Path> jars = Files.list(Paths.get(System.getProperty("vireo.conflicting.libs")))) {
      jars.filter(jar -> jar.getFileName().toString().matches("(okhttp|okio|kotlin).*")).sorted().forEach(classpath::add);
    }
    assertThat(classpath.stream().map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.startsWith("okhttp-4"));

    try (OtlpReceiver receiver = OtlpReceiver.open();
        RecordingServer server = new RecordingServer();
        ForkedJvm app =
            AgentJvm.builder()
                .javaagent(SmokeEnvironment.agentJar())
                .classpath(classpath.toArray(new Path[0]))
                .mainClass("dev.vireo.smoke.apps.HttpClientsApp")
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .args(server.url("/jdk"), server.url("/okhttp"))
                .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("JDK STATUS 200", "OKHTTP STATUS 200", "DONE");
      assertThat(app.stderr()).noneMatch(line -> line.contains("WARN"));

      List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.size() >= 2, Duration.ofSeconds(10));
      assertThat(spans).hasSize(2);
      ReceivedSpan jdk = spans.stream().filter(s -> s.scopeName().equals("dev.vireo.java-http-client")).findFirst().orElseThrow();
      ReceivedSpan okhttp = spans.stream().filter(s -> s.scopeName().equals("dev.vireo.okhttp")).findFirst().orElseThrow();
      for (ReceivedSpan span : List.of(jdk, okhttp)) {
        assertThat(span.name()).isEqualTo("GET");
        assertThat(span.kind()).isEqualTo("CLIENT");
        assertThat(span.isRoot()).isTrue();
      }
      assertThat(okhttp.attributes())
          .containsOnly(
              entry("http.request.method", "GET"),
              entry("url.full", server.url("/okhttp")),
              entry("server.address", "127.0.0.1"),
              entry("server.port", (long) server.port()),
              entry("http.response.status_code", 200L),
              entry("network.protocol.version", "1.1"),
              entry("thread.name", "main"),
              entry("thread.id", 1L));
      assertThat(jdk.attributes()).contains(entry("url.full", server.url("/jdk")), entry("http.response.status_code", 200L));
      assertThat(server.traceparents.get("/jdk")).containsExactly("00-" + jdk.traceId() + "-" + jdk.spanId() + "-03");
      assertThat(server.traceparents.get("/okhttp"))
          .containsExactly("00-" + okhttp.traceId() + "-" + okhttp.spanId() + "-03");
    }
  }
}
