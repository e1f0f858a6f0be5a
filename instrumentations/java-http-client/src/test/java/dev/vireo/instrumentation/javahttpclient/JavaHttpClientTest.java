package dev.vireo.instrumentation.javahttpclient;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.TestHttpServer;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * java.net.http.HttpClient with the agent attached, against a real loopback server. The surefire
 * configuration captures request header X-Order-Id and response header X-Served-By.
 */
@ExtendWith(AgentTestingExtension.class)
class JavaHttpClientTest {

  private static TestHttpServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new TestHttpServer();
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clearRequests() {
    server.requests.clear();
  }

  @Test
  void getIsOneClientSpanWhoseContextReachesTheServer() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/items/7?color=red&sig=secret")))
            .header("X-Order-Id", "42")
            .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/items/7?color=red&sig=REDACTED")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.request.header.x-order-id"), List.of("42")),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    assertThat(trace.get(0).getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.java-http-client");
    assertTraceparentNames(server.only("/items/7").header("traceparent"), trace.get(0));
    // The application's immutable request is untouched.
    assertThat(request.headers().map()).containsOnlyKeys("X-Order-Id");
  }

  @Test
  void postSendsTheBody() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/orders")))
            .POST(HttpRequest.BodyPublishers.ofString("{\"item\":1}"))
            .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("status 200 {\"item\":1}");
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("POST")
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "POST"),
            equalTo(stringKey("url.full"), server.url("/orders")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    TestHttpServer.Recorded recorded = server.only("/orders");
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.body()).isEqualTo("{\"item\":1}");
    assertTraceparentNames(recorded.header("traceparent"), trace.get(0));
  }

  @Test
  void notFoundIsAnError() throws Exception {
    HttpResponse<String> response = client.send(get("/missing"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/missing")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 404L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringKey("error.type"), "404"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    assertTraceparentNames(server.only("/missing").header("traceparent"), trace.get(0));
  }

  @Test
  void serverErrorIsAnError() throws Exception {
    HttpResponse<String> response = client.send(get("/fail"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasStatus(StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 500L)
        .hasAttribute(stringKey("error.type"), "500");
    assertTraceparentNames(server.only("/fail").header("traceparent"), trace.get(0));
  }

  @Test
  void connectionRefusedRecordsTheFailure() throws Exception {
    int closedPort = closedPort();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/")).build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + closedPort + "/"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) closedPort),
            equalTo(stringKey("error.type"), "java.net.ConnectException"));
    assertThat(trace.get(0).getEvents()).singleElement().satisfies(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  @Test
  void requestTimeoutRecordsTheTimeout() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/slow"))).timeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/slow")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(stringKey("error.type"), "java.net.http.HttpTimeoutException"));
    assertThat(trace.get(0).getEndEpochNanos() - trace.get(0).getStartEpochNanos())
        .isBetween(Duration.ofMillis(250).toNanos(), Duration.ofMillis(2500).toNanos()); // not the 3 s answer
  }

  @Test
  void redirectsTheJdkFollowsStayInOneSpan() throws Exception {
    HttpResponse<String> response = client.send(get("/redirect"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.uri().getPath()).isEqualTo("/target");
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasName("GET")
        .hasStatus(StatusData.unset())
        .hasAttribute(stringKey("url.full"), server.url("/redirect"))
        .hasAttribute(longKey("http.response.status_code"), 200L);
    assertTraceparentNames(server.only("/redirect").header("traceparent"), trace.get(0));
    assertTraceparentNames(server.only("/target").header("traceparent"), trace.get(0));
  }

  @Test
  void sendAsyncEndsWithTheResponseAndDependentStagesRunInTheCallersContext() throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    AtomicReference<Span> spanInStage = new AtomicReference<>();
    AtomicReference<Thread> stageThread = new AtomicReference<>();
    CompletableFuture<Integer> status;
    try (Scope ignored = parent.makeCurrent()) {
      // /slow answers after 3 s, so the stage is registered before completion and runs on a JDK thread.
      status =
          client
              .sendAsync(get("/slow"), HttpResponse.BodyHandlers.ofString())
              .thenApply(
                  response -> {
                    spanInStage.set(Span.current());
                    stageThread.set(Thread.currentThread());
                    return response.statusCode();
                  });
    } finally {
      parent.end();
    }

    assertThat(status.get()).isEqualTo(200);
    assertThat(stageThread.get()).isNotSameAs(Thread.currentThread());
    assertThat(spanInStage.get().getSpanContext()).isEqualTo(parent.getSpanContext());
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasName("parent");
    trace.span(1)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttribute(longKey("http.response.status_code"), 200L)
        .hasAttribute(stringKey("network.protocol.version"), "1.1");
    // The span ends when the response arrives, not when the call returned.
    assertThat(trace.get(1).getEndEpochNanos() - trace.get(1).getStartEpochNanos())
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900).toNanos());
    assertTraceparentNames(server.only("/slow").header("traceparent"), trace.get(1));
  }

  @Test
  void sendAsyncFailureEndsTheSpanWithTheError() throws Exception {
    int closedPort = closedPort();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/x")).build();

    CompletableFuture<HttpResponse<String>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());

    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectException.class);
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + closedPort + "/x"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) closedPort),
            equalTo(stringKey("error.type"), "java.net.ConnectException"));
  }

  @Test
  void traceStateAndBaggageOfTheCallerTravelWithTheRequest() throws Exception {
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
            TraceState.builder().put("vendor", "value").build());
    Context callerContext =
        Context.root().with(Span.wrap(remoteParent)).with(Baggage.builder().put("tenant", "acme").build());
    try (Scope ignored = callerContext.makeCurrent()) {
      client.send(get("/propagated"), HttpResponse.BodyHandlers.ofString());
    }

    SpanData span = AgentTesting.waitForSpans(1).trace(0).get(0);
    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    TestHttpServer.Recorded recorded = server.only("/propagated");
    assertTraceparentNames(recorded.header("traceparent"), span);
    assertThat(recorded.header("tracestate")).isEqualTo("vendor=value");
    assertThat(recorded.header("baggage")).isEqualTo("tenant=acme");
  }

  @Test
  void insideAnotherHttpClientSpanNoSecondSpanStarts() throws Exception {
    // A library built on the JDK client that has its own instrumentation: its span is the only one.
    Instrumenter<String, Void> outerLibrary =
        HttpClientInstrumenters.create("test-outer-client", new UrlOnly(), (carrier, key, value) -> {});
    Context outer = outerLibrary.start(Context.current(), server.url("/nested"));
    try (Scope ignored = outer.makeCurrent()) {
      assertThat(client.send(get("/nested"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      outerLibrary.end(outer, server.url("/nested"), null, null);
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    assertThat(trace.get(0).getInstrumentationScopeInfo().getName()).isEqualTo("test-outer-client");
    assertThat(server.only("/nested").header("traceparent")).isNull();
  }

  @Test
  void durationMetricIsRecorded() throws Exception {
    Attributes metricAttributes =
        Attributes.builder()
            .put("http.request.method", "GET")
            .put("http.response.status_code", 200L)
            .put("server.address", "127.0.0.1")
            .put("server.port", (long) server.port())
            .put("network.protocol.version", "1.1")
            .build();
    long before = durationCount(metricAttributes);

    client.send(get("/metered"), HttpResponse.BodyHandlers.ofString());

    AgentTesting.waitForSpans(1);
    assertThat(durationCount(metricAttributes)).isEqualTo(before + 1);
  }

  private static long durationCount(Attributes attributes) {
    for (MetricData metric : AgentTesting.collectMetrics()) {
      if (metric.getName().equals("http.client.request.duration")) {
        assertThat(metric.getUnit()).isEqualTo("s");
        for (HistogramPointData point : metric.getHistogramData().getPoints()) {
          if (point.getAttributes().equals(attributes)) {
            return point.getCount();
          }
        }
      }
    }
    return 0;
  }

  static void assertTraceparentNames(String traceparent, SpanData span) {
    assertThat(traceparent).isNotNull();
    String[] parts = traceparent.split("-");
    assertThat(parts).hasSize(4);
    assertThat(parts[1]).as("trace id").isEqualTo(span.getTraceId());
    assertThat(parts[2]).as("parent id").isEqualTo(span.getSpanId());
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(server.url(path))).build();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final class UrlOnly implements HttpClientAttributesGetter<String, Void> {
    @Override
    public String method(String url) {
      return "GET";
    }

    @Override
    public String url(String url) {
      return url;
    }

    @Override
    public String serverAddress(String url) {
      return null;
    }

    @Override
    public Integer serverPort(String url) {
      return null;
    }

    @Override
    public List<String> requestHeader(String url, String name) {
      return List.of();
    }

    @Override
    public Integer statusCode(String url, Void response, Throwable error) {
      return null;
    }

    @Override
    public String protocolVersion(String url, Void response) {
      return null;
    }

    @Override
    public List<String> responseHeader(String url, Void response, String name) {
      return List.of();
    }
  }
}
