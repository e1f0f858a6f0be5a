package dev.vireo.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-JVM shop the overhead benchmark measures: {@code ShopLauncher without-frontend} (Kafka, inventory, backend,
 * notifier) in one JVM, {@link FrontendMain} in another, wired through the READY line of the first.
 */
class TwoJvmShopTest {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> JVM_ARGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final List<String> output = new CopyOnWriteArrayList<>();
  private static final Deque<ForkedService> services = new ArrayDeque<>();
  private static String backendUrl;
  private static String frontendUrl;

  @BeforeAll
  static void startServices() throws Exception {
    fork("back", ShopLauncher.class, List.of("without-frontend", "--backend.port=0"));
    backendUrl = ReadyLine.parse(awaitOutput("[back] READY shop ", START_TIMEOUT).substring("[back] ".length()))
        .orElseThrow().value("backend");
    ForkedService frontend = fork("frontend", FrontendMain.class,
        List.of("--frontend.port=0", "--backend.url=" + backendUrl));
    frontendUrl = frontend.awaitReady(START_TIMEOUT).value("url");
  }

  @AfterAll
  static void stopServices() throws Exception {
    while (!services.isEmpty()) {
      services.pop().close();
    }
  }

  @Test
  void backHalfAnnouncesEveryServiceButTheFrontend() {
    List<String> ready = output.stream().filter(line -> line.startsWith("[back] READY "))
        .map(line -> line.substring("[back] READY ".length()).split(" ")[0]).toList();

    assertThat(ready).containsExactly("kafka", "inventory", "backend", "notifier", "shop");
    assertThat(backendUrl).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void checkoutCrossesBothJvms() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(frontendUrl + "/checkout?item=3")).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ordered\",\"order\":{\"item\":"
        + "{\"id\":3,\"name\":\"Milk jug\",\"priceCents\":1450},\"reservation\":\"r-3-1\"}}");
  }

  private static ForkedService fork(String name, Class<?> main, List<String> args) throws Exception {
    ForkedService service = ForkedService.fork(name, testClasspath(), JVM_ARGS, main, args, line -> {
      output.add(line);
      System.out.println(line);
    });
    services.push(service);
    return service;
  }

  // Surefire may hide the real class path behind a manifest-only jar; it publishes the real one here.
  private static String testClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static String awaitOutput(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      for (String line : output) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no output line starting with '" + prefix + "' within " + timeout);
  }
}
