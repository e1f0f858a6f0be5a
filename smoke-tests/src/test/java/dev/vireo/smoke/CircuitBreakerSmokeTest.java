package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JVM with a 64 MiB heap driven into memory pressure: the circuit breaker opens (one WARN, MBean,
 * metric), the call made meanwhile gets no span, and once the memory is released it closes (one
 * INFO) and calls are traced again.
 */
class CircuitBreakerSmokeTest {

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
  void heapPressureStopsSpansUntilItPasses() {
    List<String> stdout;
    List<String> vireoLines;
    try (ForkedJvm app =
        SmokeEnvironment.appWithAgent("dev.vireo.smoke.apps.HeapPressureApp")
            .jvmArgs("-Xmx64m", "-XX:+UseG1GC")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .systemProperty("otel.metrics.exporter", "otlp")
            .systemProperty("otel.metric.export.interval", "500")
            .systemProperty("otel.javaagent.circuit-breaker.heap-threshold", "0.8")
            .systemProperty("otel.javaagent.circuit-breaker.gc-time-threshold", "1.0")
            .systemProperty("otel.javaagent.circuit-breaker.window", "2s")
            .args(server.url(""), "0.86")
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(180))).as("exit code; output %s", app.output()).isZero();
      stdout = app.stdout();
      vireoLines = app.stderr().stream().filter(line -> line.contains("[vireo]")).collect(Collectors.toList());
    }
    assertThat(stdout).contains("STATUS 200 /before", "STATUS 200 /during", "CLOSED trips=1", "STATUS 200 /after", "DONE");
    assertThat(stdout).anyMatch(line -> line.startsWith("OPEN reason=heap ") && line.endsWith("full after garbage collection (threshold 80%)"));
    assertThat(vireoLines.stream().filter(line -> line.contains("circuit breaker")).collect(Collectors.toList()))
        .satisfiesExactly(
            open -> assertThat(open).contains(" WARN circuit breaker open: heap ", "(threshold 80%). Vireo starts no spans"),
            closed -> assertThat(closed).contains(" INFO circuit breaker closed: heap ", "spans start again"));

    List<ReceivedSpan> spans =
        receiver.awaitSpans(received -> received.stream().anyMatch(span -> urlEndsWith(span, "/after")), Duration.ofSeconds(30));
    assertThat(spans.stream().filter(span -> span.kind().equals("CLIENT")).map(span -> String.valueOf(span.attribute("url.full"))))
        .anyMatch(url -> url.endsWith("/before"))
        .anyMatch(url -> url.endsWith("/after"))
        .noneMatch(url -> url.endsWith("/during"));
    assertThat(server.traceparents.get("/during")).containsExactly(""); // no parent, no span: nothing to inject
    assertThat(receiver.metricNames()).contains("vireo.circuit_breaker.open");
  }

  private static boolean urlEndsWith(ReceivedSpan span, String path) {
    Object url = span.attribute("url.full");
    return url != null && url.toString().endsWith(path);
  }
}
