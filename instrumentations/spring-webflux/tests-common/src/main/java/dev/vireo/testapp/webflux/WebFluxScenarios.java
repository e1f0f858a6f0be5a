package dev.vireo.testapp.webflux;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.io.BufferedReader;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

/**
 * Spring WebFlux on Reactor Netty with the agent: one {@link FluxShopApplication} per class, run by
 * one subclass per Boot version.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebFluxScenarios {

  private static final String SCOPE = "dev.vireo.reactor-netty";

  private ConfigurableApplicationContext app;
  private int port;

  @BeforeAll
  void startShop() throws Exception {
    app = FluxShopApplication.start(beforeShopStarts());
    port = FluxShopApplication.port(app);
  }

  @AfterAll
  void stopShop() throws Exception {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      afterShopStopped();
    }
  }

  /** Starts what one Boot version's scenarios add (a broker, say); returns more shop arguments ({@code --name=value}). */
  protected String[] beforeShopStarts() throws Exception {
    return new String[0];
  }

  /** Stops what {@link #beforeShopStarts} started, once the shop is closed. */
  protected void afterShopStopped() throws Exception {}

  protected final int port() {
    return port;
  }

  @Test
  void annotatedControllerWithJdbcOnBoundedElastic() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/orders/42?expand=all");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("order 42 widget")).isTrue();

    List<SpanData> spans = oneTrace(2);
    SpanData server = spans.get(0);
    assertThat(server.getName()).isEqualTo("GET /orders/{id}");
    assertThat(server.getInstrumentationScopeInfo().getName()).isEqualTo(SCOPE);
    assertThat(server.getParentSpanContext().isValid()).isFalse();
    assertThat(server.getStatus()).isEqualTo(StatusData.unset());
    OpenTelemetryAssertions.assertThat(server)
        .hasKind(SpanKind.SERVER)
        .hasTotalRecordedEvents(0)
        .hasAttributesSatisfyingExactly(serverAttributes("/orders/42", "expand=all", "/orders/{id}", 200));
    SpanData query = spans.get(1);
    assertThat(query.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(query.getName()).isEqualTo("SELECT items");
    assertThat(query.getAttributes().get(stringKey("db.system.name"))).isEqualTo("h2database");
    assertThat(query.getParentSpanId()).isEqualTo(server.getSpanId());
  }

  @Test
  void firstOperatorAfterASinkFedFromAThreadWithoutContextIsInTheTrace() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/sinks/42");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("widget on sink-emitter")).as("queried on the emitting thread: %s", response).isTrue();

    List<SpanData> spans = oneTrace(2);
    SpanData server = byName(spans, "GET /sinks/{id}");
    SpanData query = byName(spans, "SELECT items");
    assertThat(query.getParentSpanId()).isEqualTo(server.getSpanId());
  }

  @Test
  void webClientCallIsAClientSpanParentOfTheDownstreamServer() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/checkout/42");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("checkout 42 widget stock 42")).isTrue();

    List<SpanData> spans = oneTrace(4);
    SpanData server = byName(spans, "GET /checkout/{id}");
    SpanData query = byName(spans, "SELECT items");
    SpanData client = byName(spans, "GET");
    SpanData downstream = byName(spans, "GET /stock/{sku}");
    assertThat(server.getParentSpanContext().isValid()).isFalse();
    assertThat(query.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(OrderController.spanAfterCheckoutCall).as("the caller's operators after the call").isEqualTo(server.getSpanId());
    assertThat(downstream.getParentSpanId()).as("traceparent injected").isEqualTo(client.getSpanId());
    assertThat(client.getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.spring-webflux");
    assertThat(client.getStatus()).isEqualTo(StatusData.unset());
    OpenTelemetryAssertions.assertThat(client)
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + port + "/stock/42"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) port),
            // from Reactor Netty's response, as the OpenTelemetry agent's WebClient span has it
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(longKey("http.response.status_code"), 200L));
  }

  @Test
  void reactorNettyHttpClientCallIsAClientSpanParentOfTheDownstreamServer() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/netty/9");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("netty stock 9")).isTrue();

    List<SpanData> spans = oneTrace(3);
    SpanData server = byName(spans, "GET /netty/{id}");
    SpanData client = byName(spans, "GET");
    SpanData downstream = byName(spans, "GET /stock/{sku}");
    assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(OrderController.spanAfterNettyCall).as("the caller's operators after the call").isEqualTo(server.getSpanId());
    assertThat(downstream.getParentSpanId()).as("traceparent injected").isEqualTo(client.getSpanId());
    assertThat(client.getInstrumentationScopeInfo().getName()).isEqualTo(SCOPE);
    OpenTelemetryAssertions.assertThat(client)
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + port + "/stock/9"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) port),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(longKey("http.response.status_code"), 200L));
  }

  @Test
  void refusedConnectionRetriedGivesOneClientSpanPerAttempt() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/unreachable");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("unreachable")).isTrue();

    List<SpanData> spans = oneTrace(4);
    SpanData server = byName(spans, "GET /unreachable");
    List<SpanData> attempts = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).collect(Collectors.toList());
    assertThat(attempts).hasSize(3).allSatisfy(attempt -> {
      assertThat(attempt.getName()).isEqualTo("GET");
      assertThat(attempt.getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      // WebClient wraps the refused connection (its cause) in its own exception
      assertThat(attempt.getAttributes().get(stringKey("error.type")))
          .isEqualTo("org.springframework.web.reactive.function.client.WebClientRequestException");
      assertThat(attempt.getAttributes().get(stringKey("url.full")))
          .isEqualTo("http://127.0.0.1:" + OrderController.CLOSED_PORT + "/nowhere");
      assertThat(attempt.getAttributes().get(longKey("http.response.status_code"))).isNull();
    });
  }

  protected static SpanData byName(List<SpanData> spans, String name) {
    List<SpanData> named = spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    assertThat(named).as("spans named %s in %s", name, spans).hasSize(1);
    return named.get(0);
  }

  @Test
  void routerFunctionGivesItsPattern() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/stock/7");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("stock 7")).isTrue();

    SpanData server = oneTrace(1).get(0);
    assertThat(server.getName()).isEqualTo("GET /stock/{sku}");
    OpenTelemetryAssertions.assertThat(server)
        .hasKind(SpanKind.SERVER)
        .hasAttributesSatisfyingExactly(serverAttributes("/stock/7", null, "/stock/{sku}", 200));
  }

  @Test
  void noHandlerKeepsNoRoute() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/no/such/thing");
    assertThat(response.status()).isEqualTo(404);

    SpanData server = oneTrace(1).get(0);
    assertThat(server.getName()).isEqualTo("GET");
    assertThat(server.getStatus()).isEqualTo(StatusData.unset());
    OpenTelemetryAssertions.assertThat(server)
        .hasKind(SpanKind.SERVER)
        .hasAttributesSatisfyingExactly(serverAttributes("/no/such/thing", null, null, 404));
  }

  @Test
  void unhandledExceptionIsA500WithTheExceptionAndKeepsTheRoute() throws Exception {
    assertThat(RawHttp.get(port, "/orders/1/broken").status()).isEqualTo(500);

    SpanData server = oneTrace(1).get(0);
    OpenTelemetryAssertions.assertThat(server)
        .hasName("GET /orders/{id}/broken")
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("http.route"), "/orders/{id}/broken")
        .hasAttribute(longKey("http.response.status_code"), 500L)
        // the family's rule for an exception a framework turned into a 5xx: the status as error.type, the
        // exception as the span's event
        .hasAttribute(stringKey("error.type"), "500")
        .hasEventsSatisfyingExactly(
            event -> event
                .hasName("exception")
                .hasAttributesSatisfying(
                    equalTo(stringKey("exception.type"), "java.lang.IllegalStateException"),
                    equalTo(stringKey("exception.message"), "order 1 is broken")));
  }

  @Test
  void incomingTraceparentIsTheParent() throws Exception {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    RawHttp.Response response =
        RawHttp.get(port, "/stock/1", "traceparent: 00-" + traceId + "-b7ad6b7169203331-01\r\n");
    assertThat(response.status()).isEqualTo(200);

    SpanData server = oneTrace(1).get(0);
    assertThat(server.getTraceId()).isEqualTo(traceId);
    assertThat(server.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(server.getParentSpanContext().isRemote()).isTrue();
  }

  @Test
  void serverSentEventsEndTheSpanOnceAtCompletion() throws Exception {
    RawHttp.Response response = RawHttp.get(port, "/events");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contains("data:event 4")).isTrue();

    SpanData server = oneTrace(1).get(0);
    assertThat(server.getName()).isEqualTo("GET /events");
    assertThat(server.getStatus()).isEqualTo(StatusData.unset());
    assertThat(server.getEndEpochNanos()).isGreaterThanOrEqualTo(OrderController.lastEventEpochNanos);
    // ended once: one duration measurement for the route
    assertThat(serverDurationCount("/events")).isEqualTo(1);
  }

  @Test
  void clientClosingAStreamAfterOneEventEndsTheSpanOnceWithTheCancellation() throws Exception {
    OrderController.foreverCancelled = new CountDownLatch(1);
    try (Socket socket = RawHttp.open(port, "/forever", "")) {
      BufferedReader in = RawHttp.reader(socket);
      assertThat(in.readLine()).startsWith("HTTP/1.1 200");
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("data:"));
      assertThat(line).as("the first event").isEqualTo("data:tick 0");
    } // closed after one event: the client goes away in the middle of the stream
    assertThat(OrderController.foreverCancelled.await(10, TimeUnit.SECONDS)).isTrue();

    // the 200 was sent, but the response never completed: the span ends once, with the cancellation
    SpanData server = oneTrace(1).get(0);
    OpenTelemetryAssertions.assertThat(server)
        .hasName("GET /forever")
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(append(
            serverAttributes("/forever", null, "/forever", 200),
            equalTo(stringKey("error.type"), "java.util.concurrent.CancellationException")))
        .hasEventsSatisfyingExactly(event -> event
            .hasName("exception")
            .hasAttributesSatisfying(equalTo(stringKey("exception.type"), "java.util.concurrent.CancellationException")));
    assertThat(server.getEndEpochNanos()).isGreaterThanOrEqualTo(OrderController.foreverCancelledEpochNanos);
    // ended once: one duration measurement, also with the cancellation
    assertThat(serverDurations("/forever")).singleElement().satisfies(point -> {
      assertThat(point.getCount()).isEqualTo(1);
      assertThat(point.getAttributes().get(stringKey("error.type"))).isEqualTo("java.util.concurrent.CancellationException");
    });
  }

  @Test
  void clientGivingUpBeforeAnyResponseEndsTheSpanWithTheCancellation() throws Exception {
    OrderController.stuckSubscribed = new CountDownLatch(1);
    OrderController.stuckCancelled = new CountDownLatch(1);
    try (Socket socket = RawHttp.open(port, "/stuck", "")) {
      assertThat(OrderController.stuckSubscribed.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(OrderController.stuckCancelled.await(10, TimeUnit.SECONDS)).isTrue();

    SpanData server = oneTrace(1).get(0);
    OpenTelemetryAssertions.assertThat(server)
        .hasName("GET /stuck")
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), "java.util.concurrent.CancellationException")
        .hasAttribute(stringKey("http.route"), "/stuck");
    assertThat(server.getAttributes().get(longKey("http.response.status_code"))).isNull();
    assertThat(serverDurationCount("/stuck")).isEqualTo(1);
  }

  @Test
  void noContextLeaksOntoEventLoopsOrSchedulers() throws Exception {
    int requests = 10_000;
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<RawHttp.Response>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String path = "/hop/" + i;
        responses.add(clients.submit(() -> RawHttp.get(port, path)));
      }
      for (Future<RawHttp.Response> response : responses) {
        RawHttp.Response r = response.get(60, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contains("same")).as("every step of the request saw its trace").isTrue();
      }
    } finally {
      clients.shutdownNow();
    }
    List<SpanData> servers = AgentTesting.waitFor(
            all -> all.stream().filter(s -> s.getName().equals("GET /hop/{n}")).count() >= requests,
            Duration.ofSeconds(60), requests + " SERVER spans")
        .all().stream().flatMap(t -> t.spans().stream())
        .filter(s -> s.getName().equals("GET /hop/{n}"))
        .collect(Collectors.toList());
    // a context left on an event loop would have become the parent of a later request's span
    assertThat(servers).hasSize(requests).allSatisfy(s -> assertThat(s.getParentSpanContext().isValid()).isFalse());

    // every event loop and every Reactor thread, probed from outside any trace, has no context
    EventLoopGroup loops = HttpResources.get().onServer(true);
    List<String> probedLoops = new ArrayList<>();
    for (EventExecutor loop : loops) {
      probedLoops.add(loop.submit(WebFluxScenarios::probe).get(10, TimeUnit.SECONDS));
    }
    assertThat(probedLoops).noneMatch(p -> p.startsWith("LEAK"));
    assertThat(probedLoops).containsAll(OrderController.REQUEST_THREADS);
    int parallel = Schedulers.DEFAULT_POOL_SIZE;
    List<String> probedParallel = Flux.range(0, parallel * 4).parallel(parallel).runOn(Schedulers.parallel())
        .map(i -> probe()).sequential().collectList().block(Duration.ofSeconds(10));
    List<String> probedElastic = Flux.range(0, 64)
        .flatMap(i -> Mono.fromCallable(WebFluxScenarios::probe).subscribeOn(Schedulers.boundedElastic()))
        .collectList().block(Duration.ofSeconds(10));
    assertThat(probedParallel).hasSize(parallel * 4).noneMatch(p -> p.startsWith("LEAK"));
    assertThat(probedElastic).hasSize(64).noneMatch(p -> p.startsWith("LEAK"));
  }

  private static String probe() {
    String thread = Thread.currentThread().getName();
    return Context.current() == Context.root() ? thread : "LEAK " + thread;
  }

  private static long serverDurationCount(String route) {
    return AgentTesting.collectMetrics().stream()
        .filter(m -> m.getName().equals("http.server.request.duration"))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .filter(p -> route.equals(p.getAttributes().get(stringKey("http.route"))))
        .mapToLong(p -> p.getCount())
        .sum();
  }

  /** The {@code http.server.request.duration} points of {@code route}, one per attribute set. */
  private static List<HistogramPointData> serverDurations(String route) {
    return AgentTesting.collectMetrics().stream()
        .filter(m -> m.getName().equals("http.server.request.duration"))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .filter(p -> route.equals(p.getAttributes().get(stringKey("http.route"))))
        .collect(Collectors.toList());
  }

  private static AttributeAssertion[] append(AttributeAssertion[] all, AttributeAssertion more) {
    AttributeAssertion[] longer = Arrays.copyOf(all, all.length + 1);
    longer[all.length] = more;
    return longer;
  }

  /** Every attribute of a SERVER span of this shop; {@code query}/{@code route} null when absent. */
  protected final AttributeAssertion[] serverAttributes(String path, String query, String route, long status) {
    List<AttributeAssertion> all = new ArrayList<>(Arrays.asList(
        equalTo(stringKey("http.request.method"), "GET"),
        equalTo(stringKey("url.scheme"), "http"),
        equalTo(stringKey("url.path"), path),
        equalTo(stringKey("network.protocol.version"), "1.1"),
        equalTo(stringKey("server.address"), "127.0.0.1"),
        equalTo(longKey("server.port"), (long) port),
        equalTo(stringKey("client.address"), "127.0.0.1"),
        equalTo(stringKey("network.peer.address"), "127.0.0.1"),
        satisfies(longKey("network.peer.port"), port -> port.isBetween(1L, 65535L)),
        equalTo(stringKey("user_agent.original"), "vireo-test/1.0"),
        equalTo(longKey("http.response.status_code"), status)));
    if (query != null) {
      all.add(equalTo(stringKey("url.query"), query));
    }
    if (route != null) {
      all.add(equalTo(stringKey("http.route"), route));
    }
    return all.toArray(new AttributeAssertion[0]);
  }

  /** Waits for {@code count} spans and returns the one trace they form, parents first. */
  protected static List<SpanData> oneTrace(int count) {
    List<Trace> traces = AgentTesting.waitForSpans(count).all();
    assertThat(traces).as("traces: %s", traces).hasSize(1);
    assertThat(traces.get(0).spans()).as("spans: %s", traces).hasSize(count);
    return traces.get(0).spans();
  }
}
