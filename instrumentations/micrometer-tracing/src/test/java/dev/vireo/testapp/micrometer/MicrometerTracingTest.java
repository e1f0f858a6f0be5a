package dev.vireo.testapp.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Vireo and Micrometer Tracing's OpenTelemetry bridge in one application: the request and each scheduled run are
 * traced once, by Vireo; the bridge still traces the application's own observation.
 */
@ExtendWith(AgentTestingExtension.class)
class MicrometerTracingTest {

  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void start() {
    app =
        SpringApplication.run(
            ObservedShopApplication.class,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--management.tracing.sampling.probability=1.0",
            "--management.otlp.metrics.export.enabled=false",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN");
    port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void springsHttpObservationGetsNoSecondSpanButTheApplicationsOwnObservationKeepsIts() throws Exception {
    ObservedShopApplication.BRIDGE_SPANS.reset();
    assertThat(get("/orders/7")).startsWith("HTTP/1.1 200");

    // Vireo's SERVER span ends after Spring's observation filter stopped its observation, and the
    // bridge exports synchronously: once it is here, the bridge's spans of the request are too.
    List<SpanData> servers =
        AgentTesting.waitFor(
                spans -> spans.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER),
                Duration.ofSeconds(10),
                "the SERVER span")
            .all().stream()
            .flatMap(trace -> trace.spans().stream())
            .filter(span -> span.getKind() == SpanKind.SERVER)
            .collect(Collectors.toList());
    assertThat(servers).extracting(SpanData::getName).containsExactly("GET /orders/{orderId}");
    List<SpanData> bridge = ObservedShopApplication.BRIDGE_SPANS.getFinishedSpanItems();
    assertThat(bridge.stream().map(SpanData::getName).collect(Collectors.toList()))
        .as("the bridge's spans")
        .containsExactly("vireo.custom.work");
    assertThat(bridge.get(0).getKind()).isEqualTo(SpanKind.INTERNAL);
  }

  @Test
  void aScheduledRunIsTracedOnceByVireoNotAgainByTheBridge() {
    ObservedShopApplication.BRIDGE_SPANS.reset();
    AgentTesting.clear();

    // Spring observes each run and ends its observation before the method's own span ends: once Vireo's spans of
    // three runs are here, the bridge's spans of them would be too.
    List<SpanData> runs =
        AgentTesting.waitFor(
                spans -> spans.stream().filter(span -> span.getName().equals("ObservedJobs.refresh")).count() >= 3,
                Duration.ofSeconds(10),
                "three runs")
            .all().stream()
            .flatMap(trace -> trace.spans().stream())
            .filter(span -> span.getName().equals("ObservedJobs.refresh"))
            .collect(Collectors.toList());
    assertThat(runs).allSatisfy(run -> assertThat(run.getKind()).isEqualTo(SpanKind.INTERNAL));
    assertThat(ObservedShopApplication.BRIDGE_SPANS.getFinishedSpanItems()).as("the bridge's spans").isEmpty();
  }

  private static String get(String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
