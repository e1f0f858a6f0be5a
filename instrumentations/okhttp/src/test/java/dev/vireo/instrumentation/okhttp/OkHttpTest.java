package dev.vireo.instrumentation.okhttp;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
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
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OkHttp with the agent attached, against a real loopback server. Uses only API that OkHttp 3.x,
 * 4.x and 5.x share: the same source runs against each (this module: 3.x; okhttp-4-tests,
 * okhttp-5-tests). The surefire configuration captures request header X-Order-Id and response
 * header X-Served-By.
 */
@ExtendWith(AgentTestingExtension.class)
class OkHttpTest {

  private static TestHttpServer server;
  private static OkHttpClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new TestHttpServer();
    client = new OkHttpClient.Builder().build();
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
  void executeGetIsOneClientSpanWhoseContextReachesTheServer() throws Exception {
    Request request =
        new Request.Builder().url(server.url("/items/7?color=red&sig=secret")).header("X-Order-Id", "42").build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("status 200 ");
    }

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
    assertThat(trace.get(0).getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.okhttp");
    assertTraceparentNames(server.only("/items/7").header("traceparent"), trace.get(0));
    // The application's request is untouched.
    assertThat(request.header("traceparent")).isNull();
  }

  @Test
  void postSendsTheBody() throws Exception {
    Request request = new Request.Builder().url(server.url("/orders")).post(new TextBody("{\"item\":1}")).build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.body().string()).isEqualTo("status 200 {\"item\":1}");
    }

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
    try (Response response = client.newCall(get("/missing")).execute()) {
      assertThat(response.code()).isEqualTo(404);
    }

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
    try (Response response = client.newCall(get("/fail")).execute()) {
      assertThat(response.code()).isEqualTo(500);
    }

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
    Request request = new Request.Builder().url("http://127.0.0.1:" + closedPort + "/").build();

    assertThatThrownBy(() -> client.newCall(request).execute()).isInstanceOf(ConnectException.class);

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
            equalTo(stringKey("error.type"), "java.net.ConnectException"));
    assertThat(trace.get(0).getEvents()).singleElement().satisfies(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  @Test
  void readTimeoutIsRecorded() {
    OkHttpClient impatient = client.newBuilder().readTimeout(300, TimeUnit.MILLISECONDS).build();

    assertThatThrownBy(() -> impatient.newCall(get("/slow")).execute()).isInstanceOf(SocketTimeoutException.class);

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
            equalTo(stringKey("error.type"), "java.net.SocketTimeoutException"));
    assertThat(trace.get(0).getEndEpochNanos() - trace.get(0).getStartEpochNanos())
        .isBetween(250_000_000L, 2_500_000_000L); // ended by the timeout, not by the answer after 3 s
    assertTraceparentNames(server.only("/slow").header("traceparent"), trace.get(0));
  }

  @Test
  void eachRequestOfARedirectIsASpanAndTheResendCountsUp() throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent();
        Response response = client.newCall(get("/redirect")).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.request().url().encodedPath()).isEqualTo("/target");
    } finally {
      parent.end();
    }

    Trace trace = AgentTesting.waitForSpans(3).trace(0);
    assertThat(trace.size()).isEqualTo(3);
    SpanData first = spanWithUrl(trace, server.url("/redirect"));
    SpanData resend = spanWithUrl(trace, server.url("/target"));
    SpanData parentSpan = trace.get(0);
    assertThat(parentSpan.getName()).isEqualTo("parent");
    assertThat(first.getParentSpanId()).isEqualTo(parentSpan.getSpanId());
    assertThat(resend.getParentSpanId()).isEqualTo(parentSpan.getSpanId());
    OpenTelemetryAssertions.assertThat(first)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/redirect")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 302L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    OpenTelemetryAssertions.assertThat(resend)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/target")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.request.resend_count"), 1L),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    assertThat(first.getStatus()).isEqualTo(StatusData.unset());
    assertThat(resend.getStatus()).isEqualTo(StatusData.unset());
    assertTraceparentNames(server.only("/redirect").header("traceparent"), first);
    assertTraceparentNames(server.only("/target").header("traceparent"), resend);
  }

  @Test
  void anAuthenticationChallengeAnsweredByOkHttpIsAResend() throws Exception {
    OkHttpClient authenticating =
        client.newBuilder()
            .authenticator((route, response) ->
                response.request().header("Authorization") != null
                    ? null
                    : response.request().newBuilder().header("Authorization", "Basic dXNlcjpwYXNz").build())
            .build();

    try (Response response = authenticating.newCall(get("/auth")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    AgentTesting.waitForSpans(2);
    List<SpanData> spans = AgentTesting.spans();
    assertThat(spans).hasSize(2);
    SpanData challenged = spans.stream().filter(s -> s.getAttributes().get(longKey("http.request.resend_count")) == null).findFirst().orElseThrow();
    SpanData resend = spans.stream().filter(s -> s != challenged).findFirst().orElseThrow();
    OpenTelemetryAssertions.assertThat(challenged)
        .hasStatus(StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 401L)
        .hasAttribute(stringKey("error.type"), "401");
    OpenTelemetryAssertions.assertThat(resend)
        .hasStatus(StatusData.unset())
        .hasAttribute(longKey("http.request.resend_count"), 1L)
        .hasAttribute(longKey("http.response.status_code"), 200L)
        .hasAttribute(stringKey("url.full"), server.url("/auth"));
    // No caller span: the resend is the first attempt's child, so the call is one trace.
    assertThat(challenged.getParentSpanContext().isValid()).isFalse();
    assertThat(resend.getTraceId()).isEqualTo(challenged.getTraceId());
    assertThat(resend.getParentSpanId()).isEqualTo(challenged.getSpanId());
    assertThat(server.requests).hasSize(2);
    assertTraceparentNames(server.requests.get(0).header("traceparent"), challenged);
    assertTraceparentNames(server.requests.get(1).header("traceparent"), resend);
    assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
  }

  @Test
  void enqueueRunsTheCallbackInTheCallersContext() throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    CompletableFuture<Span> spanInCallback = new CompletableFuture<>();
    try (Scope ignored = parent.makeCurrent()) {
      client.newCall(get("/async")).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          spanInCallback.completeExceptionally(e);
        }

        @Override
        public void onResponse(Call call, Response response) {
          response.close();
          spanInCallback.complete(Span.current());
        }
      });
    } finally {
      parent.end();
    }

    assertThat(spanInCallback.get(10, TimeUnit.SECONDS).getSpanContext()).isEqualTo(parent.getSpanContext());
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasName("parent");
    trace.span(1)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttribute(longKey("http.response.status_code"), 200L);
    assertTraceparentNames(server.only("/async").header("traceparent"), trace.get(1));
  }

  @Test
  void enqueueFailureEndsTheSpanWithTheErrorAndCallsBackInTheCallersContext() throws Exception {
    int closedPort = closedPort();
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    CompletableFuture<Span> spanInCallback = new CompletableFuture<>();
    CompletableFuture<IOException> failure = new CompletableFuture<>();
    try (Scope ignored = parent.makeCurrent()) {
      client.newCall(new Request.Builder().url("http://127.0.0.1:" + closedPort + "/x").build()).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          spanInCallback.complete(Span.current());
          failure.complete(e);
        }

        @Override
        public void onResponse(Call call, Response response) {
          response.close();
          failure.completeExceptionally(new AssertionError("expected a failure"));
        }
      });
    } finally {
      parent.end();
    }

    assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(ConnectException.class);
    assertThat(spanInCallback.get().getSpanContext()).isEqualTo(parent.getSpanContext());
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(1)
        .hasName("GET")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + closedPort + "/x"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) closedPort),
            equalTo(stringKey("error.type"), "java.net.ConnectException"));
  }

  @Test
  void aClientCopiedWithNewBuilderHasTheInterceptorsOnce() throws Exception {
    OkHttpClient copy = client.newBuilder().addInterceptor(chain -> chain.proceed(chain.request())).build();
    assertThat(copy.interceptors()).hasSize(client.interceptors().size() + 1);
    assertThat(copy.networkInterceptors()).hasSameSizeAs(client.networkInterceptors());

    try (Response response = copy.newCall(get("/copied")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    assertTraceparentNames(server.only("/copied").header("traceparent"), trace.get(0));
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
      client.newCall(get("/propagated")).execute().close();
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
    Instrumenter<String, Void> outerLibrary =
        HttpClientInstrumenters.create("test-outer-client", new UrlOnly(), (carrier, key, value) -> {});
    Context outer = outerLibrary.start(Context.current(), server.url("/nested"));
    try (Scope ignored = outer.makeCurrent();
        Response response = client.newCall(get("/nested")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    } finally {
      outerLibrary.end(outer, server.url("/nested"), null, null);
    }

    AgentTesting.waitForSpans(1);
    assertThat(AgentTesting.spans()).hasSize(1);
    assertThat(AgentTesting.spans().get(0).getInstrumentationScopeInfo().getName()).isEqualTo("test-outer-client");
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

    try (Response response = client.newCall(get("/metered")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

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

  private static SpanData spanWithUrl(Trace trace, String url) {
    return trace.spans().stream()
        .filter(span -> url.equals(span.getAttributes().get(stringKey("url.full"))))
        .reduce((a, b) -> {
          throw new AssertionError("two spans for " + url);
        })
        .orElseThrow(() -> new AssertionError("no span for " + url + " in " + trace));
  }

  private static void assertTraceparentNames(String traceparent, SpanData span) {
    assertThat(traceparent).isNotNull();
    String[] parts = traceparent.split("-");
    assertThat(parts).hasSize(4);
    assertThat(parts[1]).as("trace id").isEqualTo(span.getTraceId());
    assertThat(parts[2]).as("parent id").isEqualTo(span.getSpanId());
  }

  private static Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A request body written through okio, whose API all three OkHttp versions share. */
  private static final class TextBody extends RequestBody {
    private final byte[] bytes;

    TextBody(String text) {
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
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
