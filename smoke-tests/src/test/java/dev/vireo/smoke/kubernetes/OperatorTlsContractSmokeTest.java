package dev.vireo.smoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.RecordingServer;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import dev.vireo.testing.otlp.ReceiverTls;
import dev.vireo.testing.otlp.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An injected pod exporting to a collector that requires mutual TLS, with the certificates mounted from a secret and
 * named by the variables the operator sets for {@code spec.exporter.tls}: {@code OTEL_EXPORTER_OTLP_CERTIFICATE} (the
 * CA), {@code OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE} and {@code OTEL_EXPORTER_OTLP_CLIENT_KEY}.
 */
class OperatorTlsContractSmokeTest {

  private static final String APP = "dev.vireo.smoke.apps.HttpCallApp";

  private static TestCertificates certificates;
  private static OtlpReceiver receiver;
  private static RecordingServer server;
  private static InjectedContainer container;

  @BeforeAll
  static void start(@TempDir Path pod) throws Exception {
    certificates = TestCertificates.generate(pod.resolve("otel-tls"));
    receiver = OtlpReceiver.open(ReceiverTls.mutual(
        certificates.serverCertificate(), certificates.serverKey(), certificates.caCertificate()));
    server = new RecordingServer();
    container = InjectedContainer.inject(pod);
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void exportsOverMutualTls(String protocol) {
    receiver.clear();
    String endpoint = protocol.equals("grpc") ? receiver.grpcEndpoint() : receiver.httpEndpoint();
    assertThat(endpoint).startsWith("https://");
    String path = "/tls/" + protocol.replace('/', '-');
    try (ForkedJvm app =
        container.jvm(APP, endpoint)
            .env("OTEL_EXPORTER_OTLP_PROTOCOL", protocol)
            .env("OTEL_EXPORTER_OTLP_CERTIFICATE", certificates.caCertificate().toString())
            .env("OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", certificates.clientCertificate().toString())
            .env("OTEL_EXPORTER_OTLP_CLIENT_KEY", certificates.clientKey().toString())
            .args(server.url(path))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      assertThat(app.stderr()).noneMatch(line -> line.contains("[vireo] WARN") || line.contains("[vireo] ERROR"));
    }

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10));
    assertThat(spans).hasSize(1);
    ReceivedSpan span = spans.get(0);
    assertThat(span.protocol().name()).isEqualTo(protocol.equals("grpc") ? "GRPC" : "HTTP");
    assertThat(span.attribute("url.full")).isEqualTo(server.url(path));
    assertThat(span.resourceAttributes())
        .containsEntry("service.name", InjectedContainer.SERVICE_NAME)
        .containsEntry("k8s.pod.name", InjectedContainer.RESOURCE_ATTRIBUTES.get("k8s.pod.name"));
  }

  @Test
  void withoutTheClientCertificateTheCollectorGetsNothing() {
    receiver.clear();
    try (ForkedJvm app =
        container.jvm(APP, receiver.httpEndpoint())
            .env("OTEL_EXPORTER_OTLP_CERTIFICATE", certificates.caCertificate().toString())
            .env("OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT", "3s")
            .args(server.url("/tls/no-client-certificate"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
    }
    // the handshake is refused, so this test would fail if the receiver accepted anonymous clients
    assertThat(receiver.spans()).isEmpty();
    assertThat(server.headers.get("/tls/no-client-certificate")).hasSize(1);
  }
}
