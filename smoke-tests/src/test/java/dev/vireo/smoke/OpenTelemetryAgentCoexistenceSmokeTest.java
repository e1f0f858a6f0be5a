package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vireo and the OpenTelemetry Java agent 2.33.1 in one JVM, in either order: Vireo names the other
 * agent in one ERROR line and stays off, so each request is traced once; with {@code
 * otel.javaagent.force=true} both run, and Vireo never traces the other agent's own exports.
 * The other agent is started the way the benchmarks use it; its own exports go to the same receiver.
 */
class OpenTelemetryAgentCoexistenceSmokeTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

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

  static Path otelAgentJar() {
    Path jar = Paths.get(System.getProperty("vireo.otel.agent.jar", "target/agents/opentelemetry-javaagent.jar"));
    assertThat(jar).as("the OpenTelemetry agent jar the build copies").isRegularFile();
    return jar;
  }

  private static AgentJvm bothAgents(boolean otelFirst, String path) {
    Path first = otelFirst ? otelAgentJar() : SmokeEnvironment.agentJar();
    Path second = otelFirst ? SmokeEnvironment.agentJar() : otelAgentJar();
    return AgentJvm.builder()
        .jvmArgs("-javaagent:" + first.toAbsolutePath())
        .javaagent(second.toAbsolutePath())
        .classpath(SmokeEnvironment.testClasses())
        .mainClass("dev.vireo.smoke.apps.HttpCallApp")
        .systemProperty("otel.service.name", "coexistence")
        .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
        .systemProperty("otel.exporter.otlp.protocol", "http/protobuf")
        .systemProperty("otel.metrics.exporter", "none")
        .systemProperty("otel.logs.exporter", "none")
        .systemProperty("otel.bsp.schedule.delay", "200")
        .args(server.url(path));
  }

  @Test
  void openTelemetryAgentFirst() {
    runBothAndExpectOnlyTheOtherAgent(true, "/otel-first");
  }

  @Test
  void vireoFirst() {
    runBothAndExpectOnlyTheOtherAgent(false, "/vireo-first");
  }

  private void runBothAndExpectOnlyTheOtherAgent(boolean otelFirst, String path) {
    List<String> vireoLines;
    try (ForkedJvm app = bothAgents(otelFirst, path).start()) {
      assertThat(app.waitFor(WAIT)).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      vireoLines = app.stderr().stream().filter(line -> line.contains("[vireo]")).collect(Collectors.toList());
    }
    assertThat(vireoLines).hasSize(1);
    assertThat(vireoLines.get(0))
        .contains(" ERROR ", "the OpenTelemetry Java agent 2.33.1", "Vireo stays off", "otel.javaagent.force=true");

    // the other agent traced the call, once; Vireo exported nothing
    List<ReceivedSpan> spans =
        receiver.awaitSpans(
            received -> received.stream().anyMatch(span -> span.kind().equals("CLIENT")), WAIT);
    assertThat(spans).allSatisfy(span -> assertThat(span.scopeName()).doesNotStartWith("dev.vireo"));
    ReceivedSpan client = spans.stream().filter(span -> span.kind().equals("CLIENT")).findFirst().orElseThrow();
    assertThat(client.scopeName()).startsWith("io.opentelemetry.");
    assertThat(server.traceparents.get(path)).hasSize(1);
    assertThat(server.traceparents.get(path).get(0)).startsWith("00-" + client.traceId() + "-" + client.spanId() + "-");
  }

  @Test
  void forcedBothRunAndVireoNeverTracesTheOtherAgentsExports() throws Exception {
    List<String> vireoLines;
    try (ForkedJvm app =
        // Vireo first: given second, it finds the JDK's HttpURLConnection already changed by the other
        // agent in a way it cannot describe (the other agent's marker interfaces), and leaves it alone
        bothAgents(false, "/unused")
            .mainClass("dev.vireo.smoke.apps.CallPerLineApp")
            .systemProperty("otel.javaagent.force", "true")
            .start()) {
      app.awaitOutput("READY", WAIT);
      OutputStream stdin = app.process().getOutputStream();
      call(stdin, server.url("/forced"));
      app.awaitOutput("STATUS 200 " + server.url("/forced"), WAIT);
      // the other agent has exported (over its own OkHttp) at least once ...
      receiver.awaitSpans(
          received -> received.stream().anyMatch(span -> span.scopeName().startsWith("io.opentelemetry.")), WAIT);
      // ... before this call; Vireo's spans leave in the order they end, so once this one arrived a span of
      // that export would have too
      call(stdin, server.url("/marker"));
      receiver.awaitSpans(
          received -> received.stream().anyMatch(span -> isVireoCallTo(span, "/marker")), WAIT);
      stdin.close();
      assertThat(app.waitFor(WAIT)).isZero();
      vireoLines = app.stderr().stream().filter(line -> line.contains("[vireo]")).collect(Collectors.toList());
    }
    assertThat(vireoLines)
        .anyMatch(line -> line.contains(" WARN ") && line.contains("the OpenTelemetry Java agent 2.33.1"))
        .noneMatch(line -> line.contains(" ERROR "));
    List<ReceivedSpan> vireoSpans =
        receiver.spans().stream().filter(span -> span.scopeName().startsWith("dev.vireo")).collect(Collectors.toList());
    assertThat(vireoSpans).anyMatch(span -> isVireoCallTo(span, "/forced"));
    assertThat(vireoSpans)
        .as("Vireo spans of the other agent's exports to the receiver")
        .noneMatch(span -> Long.valueOf(receiver.httpPort()).equals(span.attribute("server.port")));
  }

  private static boolean isVireoCallTo(ReceivedSpan span, String path) {
    Object url = span.attribute("url.full");
    return span.scopeName().startsWith("dev.vireo") && url != null && url.toString().endsWith(path);
  }

  private static void call(OutputStream stdin, String url) throws Exception {
    stdin.write((url + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }
}
