package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.Protocol;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches that turn Vireo off: the application works and nothing is exported. */
class AgentSwitchesSmokeTest {

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

  @BeforeEach
  void clear() {
    receiver.clear();
    server.traceparents.clear();
  }

  @Test
  void javaagentEnabledFalseDoesNothing() {
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .systemProperty("otel.javaagent.enabled", "false")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .args(server.url("/off"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      assertThat(app.stderr()).noneMatch(line -> line.contains("vireo"));
    }
    assertThat(server.traceparents.get("/off")).containsExactly(""); // nothing injected
    assertThat(receiver.requestCount(Protocol.HTTP)).isZero();
    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void environmentVariableDisablesToo() {
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .env("OTEL_JAVAAGENT_ENABLED", "false")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .args(server.url("/off-env"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200");
    }
    assertThat(server.traceparents.get("/off-env")).containsExactly("");
    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void tracesExporterNoneExportsNothingButStillRuns() {
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .systemProperty("otel.traces.exporter", "none")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .args(server.url("/none"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      assertThat(app.stderr()).anyMatch(line -> line.contains("Vireo agent") && line.contains("traces: none"));
    }
    assertThat(receiver.requestCount(Protocol.HTTP)).isZero();
    assertThat(receiver.spans()).isEmpty();
  }
}
