package dev.vireo.testing.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test matrix every HTTP client module runs, with the agent attached, against one {@link
 * TestHttpServer}: a module's test extends this (or {@link AbstractAsyncHttpClientTest} when the
 * client has an asynchronous API) with a small adapter (build a request, send it) and adds only what
 * is particular to its client (redirects, authentication, ...). The module's surefire configuration captures request header X-Order-Id and
 * response header X-Served-By.
 *
 * @param <REQUEST> the client's request type
 */
@ExtendWith(AgentTestingExtension.class)
public abstract class AbstractHttpClientTest<REQUEST> {

  /** What a synchronous call answered. */
  public record Answer(int status, String body) {}

  protected static TestHttpServer server;

  /** A request with these headers and, when body is not null, this UTF-8 body. */
  protected abstract REQUEST request(String method, String url, Map<String, String> headers, String body);

  /** Sends the request and reads the whole answer. */
  protected abstract Answer send(REQUEST request) throws Exception;

  /** Sends a GET that gives up waiting for the answer after the timeout, the client's way. */
  protected abstract Answer getWithTimeout(String url, Duration timeout) throws Exception;

  /** What the client throws when the timeout of {@link #getWithTimeout} strikes. */
  protected abstract Class<? extends Exception> timeoutException();

  /**
   * What the client throws when nobody listens on the port: a {@link ConnectException} or a subclass
   * (it is the span's {@code error.type}).
   */
  protected Class<? extends ConnectException> connectionRefusedException() {
    return ConnectException.class;
  }

  /**
   * The header names of the application's request object as the application sees them; null for a
   * client whose request object is the connection that carries the propagation headers.
   */
  protected abstract Set<String> headerNames(REQUEST request);

  /** The instrumentation scope of the client's spans. */
  protected abstract String scopeName();

  @BeforeAll
  static void startServer() throws Exception {
    server = new TestHttpServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void clearRequests() {
    server.requests.clear();
  }

  @Test
  void getIsOneClientSpanWhoseContextReachesTheServer() throws Exception {
    REQUEST request = request("GET", server.url("/items/7?color=red&sig=secret"), Map.of("X-Order-Id", "42"), null);

    Answer answer = send(request);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("status 200 ");
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
    assertThat(trace.get(0).getInstrumentationScopeInfo().getName()).isEqualTo(scopeName());
    assertTraceparentNames(server.only("/items/7").header("traceparent"), trace.get(0));
    // The application's request is untouched: the propagation headers go on the wire only.
    Set<String> applicationHeaders = headerNames(request);
    if (applicationHeaders != null) {
      assertThat(applicationHeaders).containsOnly("X-Order-Id");
    }
  }

  @Test
  void postSendsTheBody() throws Exception {
    Answer answer = send(request("POST", server.url("/orders"), Map.of(), "{\"item\":1}"));

    assertThat(answer.body()).isEqualTo("status 200 {\"item\":1}");
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
    assertThat(send(get("/missing")).status()).isEqualTo(404);

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
    assertThat(send(get("/fail")).status()).isEqualTo(500);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasStatus(StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 500L)
        .hasAttribute(stringKey("error.type"), "500");
    assertTraceparentNames(server.only("/fail").header("traceparent"), trace.get(0));
  }

  @Test
  void connectionRefusedIsRecordedAlthoughNoRequestReachedTheNetwork() throws Exception {
    int closedPort = closedPort();
    REQUEST request = request("GET", "http://127.0.0.1:" + closedPort + "/", Map.of(), null);

    assertThatThrownBy(() -> send(request)).isInstanceOf(connectionRefusedException());

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + closedPort + "/"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) closedPort),
            equalTo(stringKey("error.type"), connectionRefusedException().getName()));
    assertThat(trace.get(0).getEvents()).singleElement().satisfies(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  @Test
  void timeoutIsRecorded() {
    assertThatThrownBy(() -> getWithTimeout(server.url("/slow"), Duration.ofMillis(300)))
        .isInstanceOf(timeoutException());

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasName("GET")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/slow")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(stringKey("error.type"), timeoutException().getName()));
    assertThat(trace.get(0).getEndEpochNanos() - trace.get(0).getStartEpochNanos())
        .isBetween(Duration.ofMillis(250).toNanos(), Duration.ofMillis(2500).toNanos()); // not the 3 s answer
    assertTraceparentNames(server.only("/slow").header("traceparent"), trace.get(0));
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
      assertThat(send(get("/propagated")).status()).isEqualTo(200);
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
    // A library built on this client that has its own instrumentation: its span is the only one.
    Instrumenter<String, Void> outerLibrary =
        HttpClientInstrumenters.create("test-outer-client", new UrlOnly(), (carrier, key, value) -> {});
    Context outer = outerLibrary.start(Context.current(), server.url("/nested"));
    try (Scope ignored = outer.makeCurrent()) {
      assertThat(send(get("/nested")).status()).isEqualTo(200);
    } finally {
      outerLibrary.end(outer, server.url("/nested"), null, null);
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    assertThat(trace.get(0).getInstrumentationScopeInfo().getName()).isEqualTo("test-outer-client");
    assertThat(server.only("/nested").header("traceparent")).isNull();
  }

  @Test
  void durationMetricIsRecordedPerRequest() throws Exception {
    Attributes metricAttributes =
        Attributes.builder()
            .put("http.request.method", "GET")
            .put("http.response.status_code", 200L)
            .put("server.address", "127.0.0.1")
            .put("server.port", (long) server.port())
            .put("network.protocol.version", "1.1")
            .build();
    long before = durationCount(metricAttributes);

    assertThat(send(get("/metered")).status()).isEqualTo(200);

    AgentTesting.waitForSpans(1);
    assertThat(durationCount(metricAttributes)).isEqualTo(before + 1);
  }

  /** A GET of a path on the test server. */
  protected REQUEST get(String path) {
    return request("GET", server.url(path), Map.of(), null);
  }

  /** Asserts that the traceparent the server received names the span as the parent. */
  public static void assertTraceparentNames(String traceparent, SpanData span) {
    assertThat(traceparent).isNotNull();
    String[] parts = traceparent.split("-");
    assertThat(parts).hasSize(4);
    assertThat(parts[1]).as("trace id").isEqualTo(span.getTraceId());
    assertThat(parts[2]).as("parent id").isEqualTo(span.getSpanId());
  }

  /** A loopback port nobody listens on. */
  protected static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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

  /** The getter of the outer library in {@link #insideAnotherHttpClientSpanNoSecondSpanStarts}. */
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
