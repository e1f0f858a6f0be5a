package dev.vireo.smoke.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example shop traced end to end: five JVMs, the packaged agent, system properties only. One
 * checkout is one trace across HTTP, JDBC, gRPC and Kafka, continuing the caller's traceparent; its Kafka clients'
 * metrics arrive too.
 */
class ShopSmokeTest {

  private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void checkoutIsOneTraceAcrossAllServices() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ShopCluster shop = ShopCluster.start(withMetrics(settings(receiver.httpEndpoint(), "http/protobuf")),
            UnaryOperator.identity())) {
      warmUp(shop);
      HttpResponse<String> checkout = checkout(shop, 1, "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01");
      assertThat(checkout.statusCode()).isEqualTo(200);

      List<ReceivedSpan> trace =
          receiver.awaitSpans(
              spans -> inTrace(spans, CALLER_TRACE_ID).stream().anyMatch(named("process order-placed"))
                  && inTrace(spans, CALLER_TRACE_ID).size() >= 9,
              Duration.ofSeconds(60));
      trace = inTrace(trace, CALLER_TRACE_ID);

      ReceivedSpan frontendServer = one(trace, "frontend", "GET /checkout", "SERVER");
      assertThat(frontendServer.parentSpanId()).isEqualTo(CALLER_SPAN_ID);
      assertThat(frontendServer.attributes())
          .containsEntry("http.request.method", "GET")
          .containsEntry("http.route", "/checkout")
          .containsEntry("url.path", "/checkout")
          .containsEntry("url.query", "item=1")
          .containsEntry("http.response.status_code", 200L);

      ReceivedSpan frontendClient = one(trace, "frontend", "GET", "CLIENT");
      assertThat(frontendClient.parentSpanId()).isEqualTo(frontendServer.spanId());
      assertThat(frontendClient.attributes()).containsEntry("http.response.status_code", 200L);
      assertThat((String) frontendClient.attribute("url.full")).endsWith("/api/items/1");

      ReceivedSpan backendServer = one(trace, "backend", "GET /api/items/*", "SERVER");
      assertThat(backendServer.parentSpanId()).isEqualTo(frontendClient.spanId());
      assertThat(backendServer.attributes()).containsEntry("http.route", "/api/items/*");
      // the backend's own OpenTelemetry API calls, bridged: an attribute on the agent's span, a manual child span
      assertThat(backendServer.attributes()).containsEntry("shop.item.id", 1L);
      ReceivedSpan render = one(trace, "backend", "render-order", "INTERNAL");
      assertThat(render.parentSpanId()).isEqualTo(backendServer.spanId());
      assertThat(render.scopeName()).isEqualTo("dev.vireo.examples.shop");
      // the ledger numbers reservations across items (the warm-up took one): the one this checkout answered with
      String reservation = (String) render.attribute("shop.reservation");
      assertThat(reservation).matches("r-1-\\d+");
      assertThat(checkout.body()).contains(reservation);

      ReceivedSpan query = one(trace, "backend", "SELECT items", "CLIENT");
      assertThat(query.parentSpanId()).isEqualTo(backendServer.spanId());
      assertThat(query.attributes())
          .containsEntry("db.system.name", "h2database")
          .containsEntry("db.query.summary", "SELECT items");

      ReceivedSpan grpcClient = one(trace, "backend", "demo.Inventory/Reserve", "CLIENT");
      assertThat(grpcClient.parentSpanId()).isEqualTo(backendServer.spanId());
      assertThat(grpcClient.attributes())
          .containsEntry("rpc.system", "grpc")
          .containsEntry("rpc.service", "demo.Inventory")
          .containsEntry("rpc.method", "Reserve")
          .containsEntry("rpc.grpc.status_code", 0L);
      ReceivedSpan grpcServer = one(trace, "inventory", "demo.Inventory/Reserve", "SERVER");
      assertThat(grpcServer.parentSpanId()).isEqualTo(grpcClient.spanId());

      ReceivedSpan send = one(trace, "backend", "send order-placed", "PRODUCER");
      assertThat(send.parentSpanId()).isEqualTo(backendServer.spanId());
      assertThat(send.attributes())
          .containsEntry("messaging.system", "kafka")
          .containsEntry("messaging.destination.name", "order-placed")
          .containsEntry("messaging.operation.type", "send")
          .containsEntry("messaging.kafka.message.key", "1");
      ReceivedSpan process = one(trace, "notifier", "process order-placed", "CONSUMER");
      assertThat(process.parentSpanId()).isEqualTo(send.spanId());
      assertThat(process.attributes()).containsEntry("messaging.consumer.group.name", "notifier");

      assertThat(trace).allSatisfy(span -> assertThat(span.resourceAttribute("telemetry.distro.name")).isEqualTo("vireo"));
      assertNoExportSpans(receiver);

      // the Kafka clients' own metrics, as the OpenTelemetry agent exports them: the backend's producer and the
      // notifier's consumer counted the two checkouts' records, per topic
      receiver.awaitMetrics(
          metrics -> topicTotal(metrics, "kafka.producer.record_send_total", "shop-backend") >= 2
              && topicTotal(metrics, "kafka.consumer.records_consumed_total", "shop-notifier") >= 2,
          Duration.ofSeconds(60));
    }
  }

  /**
   * The value of a Kafka client total's point for topic {@code order-placed} of one client, -1 when there is none; the
   * total must be a monotonic sum whose points carry the cluster id.
   */
  private static double topicTotal(List<Metric> metrics, String name, String clientId) {
    double value = -1;
    for (Metric metric : metrics) {
      if (!metric.getName().equals(name) || !metric.getSum().getIsMonotonic()) {
        continue;
      }
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        Map<String, String> attributes = point.getAttributesList().stream()
            .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
        if (clientId.equals(attributes.get("client-id")) && "order-placed".equals(attributes.get("topic"))
            && !attributes.getOrDefault("messaging.kafka.cluster.id", "").isEmpty()) {
          value = Math.max(value, point.getAsDouble());
        }
      }
    }
    return value;
  }

  private static Map<String, String> withMetrics(Map<String, String> settings) {
    Map<String, String> withMetrics = new java.util.HashMap<>(settings);
    withMetrics.put("otel.metrics.exporter", "otlp");
    withMetrics.put("otel.metric.export.interval", "1000");
    return withMetrics;
  }

  /** The same shop on Temurin 25, exporting over OTLP/gRPC. */
  @Test
  void checkoutOnTemurin25OverGrpc() throws Exception {
    String temurin = System.getProperty("vireo.temurin25.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
    assertThat(Files.isExecutable(Paths.get(temurin, "bin", "java"))).as("Temurin 25 at " + temurin).isTrue();
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ShopCluster shop =
            ShopCluster.start(settings(receiver.grpcEndpoint(), "grpc"), jvm -> jvm.javaHome(Paths.get(temurin)))) {
      warmUp(shop);
      assertThat(checkout(shop, 2, null).statusCode()).isEqualTo(200);
      Predicate<ReceivedSpan> checkoutOfItem2 =
          span -> span.name().equals("GET /checkout") && "item=2".equals(span.attribute("url.query"));
      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              // every service's spans, not only the notifier's: each JVM exports on its own schedule (the inventory's
              // had not arrived yet once in a clean-clone CI)
              s -> s.stream().filter(checkoutOfItem2).findFirst()
                  .map(root -> inTrace(s, root.traceId()).stream()
                      .map(span -> String.valueOf(span.resourceAttribute("service.name")))
                      .collect(Collectors.toSet())
                      .containsAll(List.of("frontend", "backend", "inventory", "notifier")))
                  .orElse(false),
              Duration.ofSeconds(60));
      ReceivedSpan root = spans.stream().filter(checkoutOfItem2).findFirst().orElseThrow();
      assertThat(root.isRoot()).isTrue();
      List<ReceivedSpan> trace = inTrace(spans, root.traceId());
      assertThat(trace)
          .extracting(span -> span.resourceAttribute("service.name"))
          .contains("frontend", "backend", "inventory", "notifier");
      assertThat(root.resourceAttribute("process.runtime.version").toString()).startsWith("25");
      assertNoExportSpans(receiver);
    }
  }

  @Test
  void samplerAlwaysOffExportsNothing() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      Map<String, String> settings = new java.util.HashMap<>(settings(receiver.httpEndpoint(), "http/protobuf"));
      settings.put("otel.traces.sampler", "always_off");
      try (ShopCluster shop = ShopCluster.start(settings, UnaryOperator.identity())) {
        warmUp(shop);
        assertThat(checkout(shop, 3, null).statusCode()).isEqualTo(200);
      }
      // Closing the shop stops each JVM normally and waits for it: the agent's shutdown hook flushes every
      // span still queued before the JVM exits, so whatever was recorded has arrived by now.
      assertThat(receiver.spans()).isEmpty();
    }
  }

  @Test
  void disabledAgentExportsNothingAndTheShopWorks() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      Map<String, String> settings = new java.util.HashMap<>(settings(receiver.httpEndpoint(), "http/protobuf"));
      settings.put("otel.javaagent.enabled", "false");
      try (ShopCluster shop = ShopCluster.start(settings, UnaryOperator.identity())) {
        HttpResponse<String> response = checkout(shop, 4, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ordered\"");
        // The agent prints before main runs, and the backend answered: its output has been read past that point.
        assertThat(shop.output("backend")).noneMatch(line -> line.contains("[vireo]"));
      }
      // The JVMs stopped normally (see samplerAlwaysOffExportsNothing): nothing was queued either.
      assertThat(receiver.spans()).isEmpty();
    }
  }

  private static Map<String, String> settings(String endpoint, String protocol) {
    return Map.of(
        "otel.exporter.otlp.endpoint", endpoint,
        "otel.exporter.otlp.protocol", protocol,
        "otel.metrics.exporter", "none",
        "otel.bsp.schedule.delay", "200");
  }

  /**
   * A first checkout (its own trace, result ignored) warms every JVM, so that a cold gRPC channel on a
   * loaded machine cannot hit the shop's own deadline in the checkout under test.
   */
  private static void warmUp(ShopCluster shop) throws Exception {
    checkout(shop, 4, null);
  }

  private static HttpResponse<String> checkout(ShopCluster shop, int item, String traceparent) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(shop.frontendUrl() + "/checkout?item=" + item)).timeout(Duration.ofSeconds(60));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The agent's own OTLP exporter (OkHttp inside the agent) must never be traced: that would feed on itself. */
  private static void assertNoExportSpans(OtlpReceiver receiver) {
    assertThat(receiver.spans())
        .noneMatch(span -> String.valueOf(span.attribute("url.full")).contains("/v1/traces"))
        .noneMatch(span -> String.valueOf(span.attribute("url.full")).contains("TraceService"));
  }

  private static List<ReceivedSpan> inTrace(List<ReceivedSpan> spans, String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  private static Predicate<ReceivedSpan> named(String name) {
    return span -> span.name().equals(name);
  }

  private static ReceivedSpan one(List<ReceivedSpan> spans, String service, String name, String kind) {
    List<ReceivedSpan> matching =
        spans.stream()
            .filter(span -> service.equals(span.resourceAttribute("service.name")))
            .filter(span -> span.name().equals(name) && span.kind().equals(kind))
            .toList();
    Optional<ReceivedSpan> first = matching.stream().findFirst();
    assertThat(matching).as("%s %s %s in %s", service, kind, name, spans).hasSize(1);
    return first.orElseThrow();
  }
}
