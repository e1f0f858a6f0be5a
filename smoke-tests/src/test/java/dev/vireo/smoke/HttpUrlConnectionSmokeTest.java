package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged agent end to end: a short-lived program makes one HttpURLConnection call; the CLIENT
 * span reaches a real OTLP receiver over each protocol before the JVM exits, and the called server
 * saw a traceparent carrying that span's ids.
 */
class HttpUrlConnectionSmokeTest {

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

  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void clientSpanIsExportedAndPropagated(String protocol) {
    receiver.clear();
    String path = "/items/" + protocol.replace('/', '-');
    String endpoint = protocol.equals("grpc") ? receiver.grpcEndpoint() : receiver.httpEndpoint();
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HttpCallApp")
            .systemProperty("otel.service.name", "checkout")
            .systemProperty("otel.exporter.otlp.protocol", protocol)
            .systemProperty("otel.exporter.otlp.endpoint", endpoint)
            // no flush delay to hide behind: the span must be exported by the shutdown hook
            .systemProperty("otel.bsp.schedule.delay", "60000")
            .args(server.url(path + "?token=abc"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      List<String> banner =
          app.stderr().stream().filter(line -> line.contains("Vireo agent")).toList();
      assertThat(banner).hasSize(1);
      assertThat(banner.get(0))
          .contains("INFO", "0.1.0-SNAPSHOT", "otlp " + protocol, endpoint, "http-url-connection");
    }

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10));
    assertThat(spans).hasSize(1);
    ReceivedSpan span = spans.get(0);
    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.isRoot()).isTrue();
    assertThat(span.statusCode()).isEqualTo("UNSET");
    assertThat(span.attributes())
        .containsOnly(
            org.assertj.core.api.Assertions.entry("http.request.method", "GET"),
            org.assertj.core.api.Assertions.entry("url.full", server.url(path + "?token=REDACTED")),
            org.assertj.core.api.Assertions.entry("server.address", "127.0.0.1"),
            org.assertj.core.api.Assertions.entry("server.port", (long) server.port()),
            org.assertj.core.api.Assertions.entry("http.response.status_code", 200L),
            org.assertj.core.api.Assertions.entry("network.protocol.version", "1.1"),
            // as the OpenTelemetry agent: the thread that started the span (the app's main thread)
            org.assertj.core.api.Assertions.entry("thread.name", "main"),
            org.assertj.core.api.Assertions.entry("thread.id", 1L));
    assertThat(span.scopeName()).isEqualTo("dev.vireo.http-url-connection");
    assertThat(span.resourceAttributes())
        .containsEntry("service.name", "checkout")
        .containsEntry("telemetry.sdk.language", "java")
        .containsEntry("telemetry.sdk.name", "opentelemetry")
        .containsEntry("telemetry.distro.name", "vireo")
        .containsEntry("telemetry.distro.version", "0.1.0-SNAPSHOT")
        .containsEntry("os.type", "linux")
        .containsKeys("host.name", "host.arch", "os.version", "process.pid", "process.executable.path",
            "process.runtime.name", "process.runtime.version");
    assertThat(server.traceparents.get(path))
        .containsExactly("00-" + span.traceId() + "-" + span.spanId() + "-03");
  }
}
