package dev.vireo.smoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.RecordingServer;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with the OpenTelemetry Operator: a JVM started exactly as in an injected pod (agent only through
 * {@code JAVA_TOOL_OPTIONS}, configuration only through the operator's {@code OTEL_*} variables) exports with the
 * pod's identity, samples and propagates as the {@code Instrumentation} resource says.
 */
class OperatorEnvContractSmokeTest {

  private static final String APP = "dev.vireo.smoke.apps.HttpCallApp";

  private static OtlpReceiver receiver;
  private static RecordingServer server;
  private static InjectedContainer container;

  @BeforeAll
  static void start(@TempDir Path pod) throws Exception {
    receiver = OtlpReceiver.open();
    server = new RecordingServer();
    container = InjectedContainer.inject(pod);
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void injectedJvmExportsWithThePodsIdentityAndPropagatesB3() {
    receiver.clear();
    String path = "/orders/42";
    try (ForkedJvm app = container.jvm(APP, receiver.httpEndpoint()).args(server.url(path)).start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      assertThat(app.stderr())
          .filteredOn(line -> line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
          .containsExactly("Picked up JAVA_TOOL_OPTIONS:  -javaagent:" + container.agentJar());
      List<String> banner = app.stderr().stream().filter(line -> line.contains("Vireo agent")).toList();
      assertThat(banner).hasSize(1);
      assertThat(banner.get(0)).contains("INFO", "otlp http/protobuf " + receiver.httpEndpoint() + "/v1/traces");
      // the operator's variables are all understood: nothing to warn about, neither from Vireo nor from the SDK
      // (whose random service.instance.id would clash with the operator's)
      assertThat(app.stderr())
          .noneMatch(line -> line.contains("[vireo] WARN") || line.contains("[vireo] ERROR"))
          .noneMatch(line -> line.startsWith("WARNING") || line.startsWith("SEVERE"));
    }

    ReceivedSpan span = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10)).get(0);
    assertThat(receiver.spans()).hasSize(1);
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.attribute("url.full")).isEqualTo(server.url(path));
    Map<String, Object> resource = span.resourceAttributes();
    assertThat(resource).containsEntry("service.name", InjectedContainer.SERVICE_NAME);
    InjectedContainer.RESOURCE_ATTRIBUTES.forEach((key, value) -> assertThat(resource).containsEntry(key, value));
    assertThat(resource).containsEntry("telemetry.distro.name", "vireo");

    // parentbased_traceidratio with ratio 1: a sampled root; tracecontext and b3 (single header) both injected
    Map<String, String> headers = server.headers.get(path).get(0);
    assertThat(headers.get("traceparent")).isEqualTo("00-" + span.traceId() + "-" + span.spanId() + "-03");
    assertThat(headers.get("b3")).isEqualTo(span.traceId() + "-" + span.spanId() + "-1");
  }

  @Test
  void samplerRatioZeroRecordsNothingButStillPropagatesTheDecision() {
    receiver.clear();
    String path = "/orders/unsampled";
    try (ForkedJvm app =
        container.jvm(APP, receiver.httpEndpoint())
            .env("OTEL_TRACES_SAMPLER_ARG", "0")
            .args(server.url(path))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
    }
    // the exporter has flushed before the JVM exited: had a span been sampled, it would be here
    assertThat(receiver.spans()).isEmpty();
    Map<String, String> headers = server.headers.get(path).get(0);
    assertThat(headers.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-02");
    String traceId = headers.get("traceparent").substring(3, 35);
    assertThat(headers.get("b3")).matches(traceId + "-[0-9a-f]{16}-0");
  }
}
