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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every service in its own JVM, wired only through the READY lines, the way a launcher with an agent runs them. */
class ForkedShopTest {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  // Quicker start-up for short-lived JVMs; also proves extra JVM arguments reach the forked services.
  private static final List<String> JVM_ARGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private static final Deque<ForkedService> services = new ArrayDeque<>();
  private static String frontendUrl;

  @BeforeAll
  static void startServices() throws Exception {
    ForkedService kafka = fork("kafka", List.of(), KafkaBrokerMain.class, List.of());
    ForkedService inventory = fork("inventory", List.of(), InventoryMain.class, List.of("--inventory.port=0"));
    String bootstrap = kafka.awaitReady(START_TIMEOUT).value("bootstrap");
    String inventoryTarget = inventory.awaitReady(START_TIMEOUT).value("target");

    ForkedService backend = fork("backend", List.of(), BackendMain.class, List.of("--backend.port=0",
        "--inventory.target=" + inventoryTarget, "--kafka.bootstrap=" + bootstrap));
    ForkedService notifier = fork("notifier", List.of("-Dshop.kafka.bootstrap=" + bootstrap), NotifierMain.class,
        List.of());
    String backendUrl = backend.awaitReady(START_TIMEOUT).value("url");
    assertThat(notifier.awaitReady(START_TIMEOUT).values())
        .containsEntry("group", "notifier").containsEntry("topic", "order-placed");

    ForkedService frontend = fork("frontend", List.of("-Dshop.frontend.port=0", "-Dshop.backend.url=" + backendUrl),
        FrontendMain.class, List.of());
    ReadyLine frontendReady = frontend.awaitReady(START_TIMEOUT);
    frontendUrl = frontendReady.value("url");
    assertThat(frontendUrl).isEqualTo("http://127.0.0.1:" + frontendReady.value("port"));
  }

  @AfterAll
  static void stopServices() throws Exception {
    while (!services.isEmpty()) {
      services.pop().close();
    }
  }

  @Test
  void checkoutFlowsThroughAllServiceJvms() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(frontendUrl + "/checkout?item=4")).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ordered\",\"order\":{\"item\":"
        + "{\"id\":4,\"name\":\"Tamper\",\"priceCents\":3200},\"reservation\":\"r-4-1\"}}");
    assertThat(awaitOutput("[notifier] notifier: order placed item=4 ", 30))
        .endsWith("{\"itemId\":4,\"name\":\"Tamper\",\"priceCents\":3200,\"reservation\":\"r-4-1\"}");
  }

  private static ForkedService fork(String name, List<String> extraJvmArgs, Class<?> main, List<String> args)
      throws Exception {
    List<String> jvmArgs = new java.util.ArrayList<>(JVM_ARGS);
    jvmArgs.addAll(extraJvmArgs);
    ForkedService service = ForkedService.fork(name, testClasspath(), jvmArgs, main, args, line -> {
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

  private static String awaitOutput(String prefix, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = output.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no output line starting with '" + prefix + "' within " + seconds + " s");
  }
}
