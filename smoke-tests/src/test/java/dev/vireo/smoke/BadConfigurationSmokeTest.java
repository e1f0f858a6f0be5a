package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typos in tracing settings never stop the application: one clear line each, then the fallback. */
class BadConfigurationSmokeTest {

  private static OtlpReceiver receiver;
  private static RecordingServer server;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.open();
    server = new RecordingServer();
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void invalidValuesAreReportedAndReplaced() {
    receiver.clear();
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .systemProperty("otel.traces.sampler", "parentbased_traceidratio")
            .systemProperty("otel.traces.sampler.arg", "7")
            .systemProperty("otel.propagators", "tracecontext,baggage,smoke-signals")
            .systemProperty("otel.bsp.max.queue.size", "-5")
            .systemProperty("otel.metrics.exporter", "carrier-pigeon")
            .args(server.url("/bad-config"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      List<String> errors = app.stderr().stream().filter(line -> line.contains("ERROR")).toList();
      assertThat(errors)
          .anyMatch(line -> line.contains("otel.traces.sampler.arg=7") && line.contains("using 1.0"))
          .anyMatch(
              line -> line.contains("otel.propagators=tracecontext,baggage,smoke-signals")
                  && line.contains("using tracecontext,baggage"))
          .anyMatch(line -> line.contains("otel.bsp.max.queue.size=-5") && line.contains("using 2048"))
          .anyMatch(line -> line.contains("otel.metrics.exporter=carrier-pigeon") && line.contains("using otlp"))
          .hasSize(4);
    }
    // Fallbacks in force: sampled (ratio 1.0) and exported.
    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10));
    assertThat(spans).extracting(ReceivedSpan::name).containsExactly("GET");
  }

  @Test
  void malformedEndpointFallsBackAndTheAppStillRuns() {
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .systemProperty("otel.exporter.otlp.endpoint", "::not a url::")
            .systemProperty("otel.javaagent.shutdown.timeout", "1s")
            .args(server.url("/bad-endpoint"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      assertThat(app.stderr())
          .anyMatch(
              line -> line.contains("ERROR")
                  && line.contains("otel.exporter.otlp.endpoint=::not a url::")
                  && line.contains("http://localhost:4318"));
    }
  }

  @Test
  void configurationFileAndAgentArgumentsAreRead(@TempDir Path dir) throws Exception {
    receiver.clear();
    Path file = dir.resolve("vireo.properties");
    Files.writeString(
        file,
        "otel.resource.attributes=deployment.environment.name=staging,team=payments\n"
            + "otel.service.name=from-file\n");
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .javaagent(
                SmokeEnvironment.agentJar(),
                "otel.service.name=from-args;otel.exporter.otlp.endpoint=" + receiver.httpEndpoint())
            .systemProperty("otel.javaagent.configuration-file", file.toString())
            .args(server.url("/configured"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
    }
    ReceivedSpan span = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10)).get(0);
    // agent arguments win over the file; the file still contributes what nothing else set
    assertThat(span.resourceAttributes())
        .containsEntry("service.name", "from-args")
        .containsEntry("deployment.environment.name", "staging")
        .containsEntry("team", "payments");
  }
}
