package dev.vireo.smoke.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 9-12: values that used to switch off every span (or the agent, or every instrumentation), all
 * in one JVM. Each gives one ERROR naming it; spans still reach the collector; and what users copy from the
 * OpenTelemetry agent's docs works: Prometheus metrics on /metrics and OTLP JSON on stdout ({@code logging-otlp}).
 */
class BadSettingsSmokeTest {

  private static final Map<String, String> BAD =
      Map.ofEntries(
          Map.entry("otel.exporter.otlp.headers", "api-key"),
          Map.entry("otel.resource.attributes", "team=payments,broken"),
          Map.entry("otel.bsp.export.timeout", "99999999999999999999"),
          Map.entry("otel.exporter.otlp.certificate", "/no/such/ca.pem"),
          Map.entry("otel.metric.export.interval", "-1"),
          Map.entry("otel.attribute.value.length.limit", "-1"),
          Map.entry("otel.span.attribute.count.limit", "abc"),
          Map.entry("otel.bsp.max.queue.size", "999999999"),
          Map.entry("otel.bsp.schedule.delay", "0"),
          Map.entry("otel.javaagent.debug", "yes"),
          Map.entry("otel.javaagent.enabled", "maybe"),
          Map.entry("otel.instrumentation.common.default-enabled", "maybe"));

  @Test
  void everyBadValueIsReportedAndTheRestStillExports() throws Exception {
    int prometheusPort = freePort();
    Map<String, String> settings = new HashMap<>(BAD);
    settings.put("otel.traces.exporter", "otlp,logging-otlp");
    settings.put("otel.metrics.exporter", "prometheus");
    settings.put("otel.exporter.prometheus.host", "127.0.0.1");
    settings.put("otel.exporter.prometheus.port", String.valueOf(prometheusPort));
    settings.put("otel.javaagent.shutdown.timeout", "1m"); // valid: one minute, not 5 s as before
    try (OtlpReceiver receiver = OtlpReceiver.open();
        LoadAppProcess app = LoadAppProcess.start(receiver.httpEndpoint(), settings)) {
      app.load(20, "/configured-badly");
      List<ReceivedSpan> spans = receiver.awaitSpanCount(20, Duration.ofSeconds(30));
      String metrics = scrape(prometheusPort);
      app.exit();
      assertThat(app.jvm().waitFor(Duration.ofSeconds(60))).isZero();

      List<String> errors = app.agentLog("ERROR");
      System.out.println("bad settings:\n  " + String.join("\n  ", errors));
      for (Map.Entry<String, String> bad : BAD.entrySet()) {
        assertThat(errors).as(bad.getKey()).filteredOn(line -> line.contains(bad.getKey() + "=" + bad.getValue())).hasSize(1);
      }
      assertThat(errors).hasSize(BAD.size());
      assertThat(app.jvm().output()).noneMatch(line -> line.contains("could not be configured"));
      assertThat(app.agentLog("INFO")).anyMatch(line -> line.contains("instrumentations: http-url-connection"));

      assertThat(spans).hasSize(20).allMatch(span -> "payments".equals(span.resourceAttribute("team")));
      assertThat(app.jvm().stdout()).anyMatch(line -> line.startsWith("{\"resourceSpans\":") && line.contains("\"kind\":3"));
      assertThat(metrics).contains("http_client_request_duration_seconds_bucket");
    }
  }

  private static String scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
