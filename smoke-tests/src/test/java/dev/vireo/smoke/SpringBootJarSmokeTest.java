package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spring Boot applications as they ship, with the packaged agent: Boot 4's executable jar
 * ({@code BOOT-INF/lib} behind the nested-jar class loader of Boot 3.2+), the same jar extracted
 * with {@code -Djarmode=tools extract} (a plain class path of jars), and Boot 2.7's executable jar
 * (the older launcher, {@code javax.servlet}). The servlet, Spring Web MVC and HTTP client
 * instrumentations apply to the classes Boot's class loaders define: one request gives one trace
 * with Spring's routes.
 */
class SpringBootJarSmokeTest {

  /** How the application is laid out and launched. */
  enum Layout {
    BOOT4_EXECUTABLE_JAR("vireo.spring-boot-app.jar", "spring-boot-app/target/vireo-smoke-spring-boot-app.jar", "jakarta"),
    BOOT4_EXTRACTED("vireo.spring-boot-app.jar", "spring-boot-app/target/vireo-smoke-spring-boot-app.jar", "jakarta"),
    BOOT27_EXECUTABLE_JAR(
        "vireo.spring-boot27-app.jar", "spring-boot27-app/target/vireo-smoke-spring-boot27-app.jar", "javax");

    final String property;
    final String defaultPath;
    final String servletNamespace;

    Layout(String property, String defaultPath, String servletNamespace) {
      this.property = property;
      this.defaultPath = defaultPath;
      this.servletNamespace = servletNamespace;
    }

    Path builtJar() {
      Path jar = Paths.get(System.getProperty(property, defaultPath));
      assertThat(Files.isRegularFile(jar)).as("built by smoke-tests/spring-boot*-app: %s", jar).isTrue();
      return jar;
    }
  }

  @TempDir Path workDir;

  @ParameterizedTest
  @EnumSource(Layout.class)
  void routesArriveAtTheCollectorAsOneTrace(Layout layout) throws Exception {
    Path jar = layout == Layout.BOOT4_EXTRACTED ? extract(layout.builtJar()) : layout.builtJar();
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
      app.awaitOutput("Started Boot", Duration.ofSeconds(180));

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
      assertThat(order.scopeName()).isEqualTo("dev.vireo.servlet-" + layout.servletNamespace);
      assertThat(call.parentSpanId()).isEqualTo(order.spanId());
      assertThat(call.traceId()).isEqualTo(order.traceId());
      assertThat(stock.parentSpanId()).isEqualTo(call.spanId());
      assertThat(stock.traceId()).isEqualTo(order.traceId());
      assertThat(stock.attribute("http.route")).isEqualTo("/stock/{sku}");

      List<String> banner = app.stderr().stream().filter(line -> line.contains("Vireo agent")).toList();
      assertThat(banner).hasSize(1);
      assertThat(banner.get(0)).contains("servlet-" + layout.servletNamespace, "spring-webmvc-" + layout.servletNamespace);
    }
  }

  /** {@code java -Djarmode=tools -jar app.jar extract}: the launcher jar plus {@code lib/}, no agent. */
  private Path extract(Path jar) throws IOException, InterruptedException {
    Path destination = workDir.resolve("extracted");
    Process process =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                destination.toString())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("extract.log").toFile())
            .start();
    assertThat(process.waitFor()).as(Files.readString(workDir.resolve("extract.log"))).isZero();
    try (Stream<Path> files = Files.list(destination)) {
      List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
      assertThat(jars).as("launcher jar in %s", destination).hasSize(1);
      assertThat(destination.resolve("lib")).isDirectory();
      return jars.get(0);
    }
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String kind, String name) {
    List<ReceivedSpan> matching = spans.stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)).toList();
    assertThat(matching).as("%s %s in %s", kind, name, spans).hasSize(1);
    return matching.get(0);
  }
}
