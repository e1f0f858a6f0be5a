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

/**
 * {@code otel.javaagent.extensions}: a jar built here (never on the app's class path) brings an instrumentation module,
 * an SDK customizer adding a span processor, and a sampler selected by name through {@code otel.traces.sampler}.
 */
class ExtensionsSmokeTest {

  private static OtlpReceiver receiver;
  private static RecordingServer server;
  private static Path extensionJar;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    receiver = OtlpReceiver.open();
    server = new RecordingServer();
    extensionJar = ExtensionJar.build(work);
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void extensionJarAddsModuleSpanProcessorAndSampler() {
    receiver.clear();
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.OrderApp")
            .systemProperty("otel.javaagent.extensions", extensionJar.toString())
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .systemProperty("otel.traces.sampler", "extension_marker")
            .args("order-7", server.url("/orders"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).containsExactly("EXTENSION HIDDEN", "STATUS 200", "DONE");
      assertThat(app.stderr()).filteredOn(line -> line.contains("[vireo] INFO extensions loaded"))
          .singleElement()
          .satisfies(line -> assertThat(line).endsWith("extensions loaded: " + extensionJar.toAbsolutePath()));
      assertThat(app.stderr()).filteredOn(line -> line.contains("Vireo agent"))
          .singleElement()
          .satisfies(line -> assertThat(line).contains("extension-orders", "http-url-connection"));
      // the sampler name is the extension's, so validation must not have replaced it
      assertThat(app.stderr()).noneMatch(line -> line.contains("[vireo] WARN") || line.contains("[vireo] ERROR"));
    }

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.size() >= 2, Duration.ofSeconds(10));
    assertThat(spans).hasSize(2);
    ReceivedSpan order = spans.stream().filter(s -> s.kind().equals("INTERNAL")).findFirst().orElseThrow();
    ReceivedSpan client = spans.stream().filter(s -> s.kind().equals("CLIENT")).findFirst().orElseThrow();
    assertThat(order.name()).isEqualTo("place order-7");
    assertThat(order.scopeName()).isEqualTo("dev.vireo.smoke.extension.demo");
    assertThat(order.isRoot()).isTrue();
    assertThat(order.attributes())
        .containsOnly(
            org.assertj.core.api.Assertions.entry("order.id", "order-7"),
            org.assertj.core.api.Assertions.entry("extension.sampler", "yes"),
            org.assertj.core.api.Assertions.entry("extension.marker", "yes"),
            org.assertj.core.api.Assertions.entry("thread.name", "main"),
            org.assertj.core.api.Assertions.entry("thread.id", 1L));
    assertThat(client.traceId()).isEqualTo(order.traceId());
    assertThat(client.parentSpanId()).isEqualTo(order.spanId());
    assertThat(client.attributes())
        .containsEntry("extension.marker", "yes")
        .containsEntry("extension.sampler", "yes")
        .containsEntry("url.full", server.url("/orders?order=order-7"));
  }

  @Test
  void directoryFromTheEnvironmentAndAMissingEntry(@TempDir Path extensions) throws Exception {
    Files.copy(extensionJar, extensions.resolve("orders.jar"));
    Path missing = extensions.resolveSibling("no-such-extension.jar");
    receiver.clear();
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.OrderApp")
            .env("OTEL_JAVAAGENT_EXTENSIONS", extensions + "," + missing)
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .args("order-8", server.url("/orders"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).containsExactly("EXTENSION HIDDEN", "STATUS 200", "DONE");
      assertThat(app.stderr()).filteredOn(line -> line.contains("[vireo] WARN"))
          .singleElement()
          .satisfies(line -> assertThat(line).endsWith("extension " + missing + " does not exist; skipped"));
      assertThat(app.stderr()).filteredOn(line -> line.contains("[vireo] INFO extensions loaded"))
          .singleElement()
          .satisfies(line -> assertThat(line).endsWith("extensions loaded: " + extensions.resolve("orders.jar")));
    }
    List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.size() >= 2, Duration.ofSeconds(10));
    assertThat(spans).hasSize(2).allSatisfy(span -> assertThat(span.attributes()).containsEntry("extension.marker", "yes"));
    assertThat(spans).extracting(ReceivedSpan::name).contains("place order-8");
  }

  @Test
  void withoutExtensionsNothingOfThemApplies() {
    receiver.clear();
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.OrderApp")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .args("order-9", server.url("/orders"))
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stderr()).noneMatch(line -> line.contains("extensions loaded"));
    }
    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10));
    assertThat(spans).singleElement().satisfies(span -> {
      assertThat(span.kind()).isEqualTo("CLIENT");
      assertThat(span.attributes()).doesNotContainKey("extension.marker");
    });
  }
}
