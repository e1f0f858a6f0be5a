package dev.vireo.examples.demo;

import dev.vireo.examples.shop.BackendMain;
import dev.vireo.examples.shop.ForkedService;
import dev.vireo.examples.shop.FrontendMain;
import dev.vireo.examples.shop.InventoryMain;
import dev.vireo.examples.shop.KafkaBrokerMain;
import dev.vireo.examples.shop.NotifierMain;
import dev.vireo.examples.shop.ReadyLine;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the shop with one JVM per service, each with {@code -javaagent:vireo-agent.jar} and nothing
 * but system properties, sends a few checkouts and prints every trace as a tree. With
 * OTEL_EXPORTER_OTLP_ENDPOINT set, the services export there instead (Jaeger, a collector ...).
 */
public final class ShopDemo {

  public static void main(String[] args) throws Exception {
    Path root = Paths.get(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path agent = root.resolve("agent/target/vireo-agent.jar");
    Path shopJar = root.resolve("examples/shop/target/vireo-example-shop.jar");
    for (Path required : List.of(agent, shopJar)) {
      if (!Files.isRegularFile(required)) {
        throw new IllegalStateException(required + " is missing: build first (see README)");
      }
    }
    String externalEndpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
    OtlpReceiver receiver = externalEndpoint == null ? OtlpReceiver.open() : null;
    String endpoint = externalEndpoint != null ? externalEndpoint : receiver.httpEndpoint();
    List<ForkedService> services = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(services)));
    try {
      System.out.println("Vireo demo: starting the shop, every service with -javaagent:" + agent);
      ReadyLine kafka = start(services, "kafka", shopJar, List.of(), KafkaBrokerMain.class, List.of());
      String bootstrap = kafka.value("bootstrap");
      ReadyLine inventory =
          start(services, "inventory", shopJar, agentArgs(agent, "inventory", endpoint), InventoryMain.class, List.of());
      start(services, "notifier", shopJar, agentArgs(agent, "notifier", endpoint), NotifierMain.class,
          List.of("--kafka.bootstrap=" + bootstrap));
      ReadyLine backend =
          start(services, "backend", shopJar, agentArgs(agent, "backend", endpoint), BackendMain.class,
              List.of("--inventory.target=" + inventory.value("target"), "--kafka.bootstrap=" + bootstrap));
      ReadyLine frontend =
          start(services, "frontend", shopJar, agentArgs(agent, "frontend", endpoint), FrontendMain.class,
              List.of("--frontend.port=0", "--backend.url=" + backend.value("url")));

      HttpClient client = HttpClient.newHttpClient();
      for (int item = 1; item <= requests; item++) {
        String url = frontend.value("url") + "/checkout?item=" + ((item - 1) % 4 + 1);
        HttpResponse<String> response =
            client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("GET " + url + " -> " + response.statusCode() + " " + response.body());
      }

      if (receiver == null) {
        System.out.println("Traces were exported to " + externalEndpoint + "; open your tracing backend to see them.");
        Thread.sleep(3000); // let the batch processors send before the services stop
        return;
      }
      awaitQuiet(receiver, requests);
      System.out.println();
      Map<String, List<String>> logLines = SpanLogLines.bySpanId(receiver.logsRequests());
      for (List<ReceivedSpan> trace : traces(receiver.spans()).values()) {
        System.out.println(TraceTree.render(trace, logLines));
      }
    } finally {
      stopAll(services);
      if (receiver != null) {
        receiver.close();
      }
    }
  }

  /** Waits until every checkout's frontend span arrived and no span came for two seconds (30 s at most). */
  private static void awaitQuiet(OtlpReceiver receiver, int requests) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int lastCount = -1;
    long lastChange = System.nanoTime();
    while (System.nanoTime() < deadline) {
      List<ReceivedSpan> spans = receiver.spans();
      if (spans.size() != lastCount) {
        lastCount = spans.size();
        lastChange = System.nanoTime();
      }
      long checkouts = spans.stream().filter(span -> span.name().startsWith("GET /checkout")).count();
      if (checkouts >= requests && System.nanoTime() - lastChange > Duration.ofSeconds(2).toNanos()) {
        return;
      }
      Thread.sleep(200);
    }
  }

  private static Map<String, List<ReceivedSpan>> traces(List<ReceivedSpan> spans) {
    Map<String, List<ReceivedSpan>> byTrace = new LinkedHashMap<>();
    for (ReceivedSpan span : spans) {
      byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    return byTrace;
  }

  private static List<String> agentArgs(Path agent, String service, String endpoint) {
    return List.of(
        "-javaagent:" + agent,
        "-Dotel.service.name=" + service,
        "-Dotel.exporter.otlp.endpoint=" + endpoint,
        "-Dotel.metrics.exporter=none",
        "-Dotel.bsp.schedule.delay=500",
        "-Dotel.blrp.schedule.delay=500");
  }

  private static ReadyLine start(List<ForkedService> services, String name, Path jar, List<String> jvmArgs,
      Class<?> main, List<String> args) throws Exception {
    ForkedService service =
        ForkedService.fork(name, jar.toString(), jvmArgs, main, args, line -> {
          if (line.contains("[vireo]") || line.startsWith("notifier:")) {
            System.out.println("  " + name + " | " + line);
          }
        });
    services.add(service);
    return service.awaitReady(Duration.ofSeconds(120));
  }

  private static void stopAll(List<ForkedService> services) {
    for (int i = services.size() - 1; i >= 0; i--) {
      try {
        services.get(i).close();
      } catch (Exception ignored) {
        // best effort on the way out
      }
    }
    services.clear();
  }
}
