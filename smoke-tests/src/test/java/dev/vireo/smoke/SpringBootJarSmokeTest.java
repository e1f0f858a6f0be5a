package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot 4 application run as Boot's executable jar ({@code java -jar}, classes in
 * {@code BOOT-INF/classes}, libraries in {@code BOOT-INF/lib} behind Boot's nested-jar class loader)
 * with the packaged agent: the servlet, Spring Web MVC and HTTP client instrumentations apply to
 * classes that class loader defines, and one request gives one trace with Spring's routes.
 */
class SpringBootJarSmokeTest {

  @Test
  void routesOfAnExecutableJarArriveAtTheCollector() throws Exception {
    Path jar = Paths.get(System.getProperty("vireo.spring-boot-app.jar", "spring-boot-app/target/vireo-smoke-spring-boot-app.jar"));
    assertThat(Files.isRegularFile(jar)).as("built by smoke-tests/spring-boot-app: %s", jar).isTrue();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app =
            AgentJvm.builder()
                .javaagent(SmokeEnvironment.agentJar())
                .jar(jar)
                .systemProperty("otel.service.name", "boot-shop")
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.bsp.schedule.delay", "200")
                .args("--server.port=" + port, "--server.address=127.0.0.1")
                .start()) {
      app.awaitOutput("Started BootShopApplication", Duration.ofSeconds(180));

      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/7")).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("order 7: sku-7 in stock");

      List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.size() >= 3, Duration.ofSeconds(30));
      assertThat(spans).as("spans: %s", spans).hasSize(3);
      ReceivedSpan order = only(spans, "SERVER", "GET /orders/{orderId}");
      ReceivedSpan call = only(spans, "CLIENT", "GET");
      ReceivedSpan stock = only(spans, "SERVER", "GET /stock/{sku}");
      assertThat(order.isRoot()).isTrue();
      assertThat(order.attribute("http.route")).isEqualTo("/orders/{orderId}");
      assertThat(order.attribute("url.path")).isEqualTo("/orders/7");
      assertThat(order.scopeName()).isEqualTo("dev.vireo.servlet-jakarta");
      assertThat(call.parentSpanId()).isEqualTo(order.spanId());
      assertThat(call.traceId()).isEqualTo(order.traceId());
      assertThat(stock.parentSpanId()).isEqualTo(call.spanId());
      assertThat(stock.traceId()).isEqualTo(order.traceId());
      assertThat(stock.attribute("http.route")).isEqualTo("/stock/{sku}");

      List<String> banner = app.stderr().stream().filter(line -> line.contains("Vireo agent")).toList();
      assertThat(banner).hasSize(1);
      assertThat(banner.get(0)).contains("servlet-jakarta", "spring-webmvc-jakarta");
    }
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String kind, String name) {
    List<ReceivedSpan> matching = spans.stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)).toList();
    assertThat(matching).as("%s %s in %s", kind, name, spans).hasSize(1);
    return matching.get(0);
  }
}
