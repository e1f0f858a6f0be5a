package dev.vireo.instrumentation.api.semconv.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerInstrumentersTest {

  record Request(String method, String path, String query, String route, Map<String, String> headers) {}

  private static final java.util.concurrent.atomic.AtomicInteger ROUTE_READS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final HttpServerAttributesGetter<Request, Integer> GETTER =
      new HttpServerAttributesGetter<>() {
        @Override public String method(Request r) { return r.method(); }
        @Override public String scheme(Request r) { return "https"; }
        @Override public String path(Request r) { return r.path(); }
        @Override public String query(Request r) { return r.query(); }
        @Override public String route(Request r) {
          ROUTE_READS.incrementAndGet();
          return r.route();
        }
        @Override public String protocolVersion(Request r) { return "2"; }
        @Override public String serverAddress(Request r) { return "shop.example"; }
        @Override public Integer serverPort(Request r) { return 8443; }
        @Override public String peerAddress(Request r) { return "10.0.0.7"; }
        @Override public Integer peerPort(Request r) { return 52044; }
        @Override public List<String> requestHeader(Request r, String name) {
          String value = r.headers().get(name);
          return value == null ? List.of() : List.of(value);
        }
        @Override public Integer statusCode(Request r, Integer status, Throwable error) { return status; }
        @Override public List<String> responseHeader(Request r, Integer status, String name) { return List.of(); }
      };

  private static final TextMapGetter<Request> HEADERS =
      new TextMapGetter<>() {
        @Override public Iterable<String> keys(Request r) { return r.headers().keySet(); }
        @Override public String get(Request r, String key) { return r == null ? null : r.headers().get(key); }
      };

  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private static Instrumenter<Request, Integer> instrumenter;

  @BeforeAll
  static void installSdk() {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    VireoTelemetry.install(() -> sdk);
    instrumenter = HttpServerInstrumenters.create("test", GETTER, HEADERS);
  }

  @AfterAll
  static void uninstall() {
    VireoTelemetry.install(io.opentelemetry.api.OpenTelemetry::noop);
  }

  @BeforeEach
  void reset() {
    spans.reset();
  }

  @Test
  void serverSpanContinuesTheCallerAndNamesTheRoute() {
    Request request =
        new Request(
            "GET",
            "/items/7",
            "a=1&X-Goog-Signature=abc&token=t",
            "/items/{id}",
            Map.of(
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "user-agent", "curl/8"));
    Context context = instrumenter.start(Context.root(), request);
    instrumenter.end(context, request, 200, null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span)
        .hasName("GET /items/{id}")
        .hasKind(SpanKind.SERVER)
        .hasTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .hasParentSpanId("00f067aa0ba902b7")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.scheme"), "https"),
            equalTo(stringKey("url.path"), "/items/7"),
            equalTo(stringKey("url.query"), "a=1&X-Goog-Signature=REDACTED&token=REDACTED"),
            equalTo(stringKey("http.route"), "/items/{id}"),
            equalTo(stringKey("network.protocol.version"), "2"),
            equalTo(stringKey("server.address"), "shop.example"),
            equalTo(longKey("server.port"), 8443L),
            equalTo(stringKey("client.address"), "10.0.0.7"),
            equalTo(stringKey("network.peer.address"), "10.0.0.7"),
            equalTo(longKey("network.peer.port"), 52044L),
            equalTo(stringKey("user_agent.original"), "curl/8"),
            equalTo(longKey("http.response.status_code"), 200L));
  }

  @Test
  void hostHeaderNamesTheServerBeforeTheLibrary() {
    end(withHeaders(Map.of("host", "api.example:8080")), 200, null);
    end(withHeaders(Map.of("host", "api.example")), 200, null);
    end(withHeaders(Map.of("host", "[2001:db8::1]:9443")), 200, null);
    end(withHeaders(Map.of("host", "[::1]")), 200, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished.get(0))
        .hasAttribute(stringKey("server.address"), "api.example")
        .hasAttribute(longKey("server.port"), 8080L);
    // no port in the header, none on the span (the library's 8443 is for requests without a Host header)
    assertThat(finished.get(1)).hasAttribute(stringKey("server.address"), "api.example");
    org.assertj.core.api.Assertions.assertThat(finished.get(1).getAttributes().get(longKey("server.port"))).isNull();
    assertThat(finished.get(2))
        .hasAttribute(stringKey("server.address"), "2001:db8::1")
        .hasAttribute(longKey("server.port"), 9443L);
    assertThat(finished.get(3)).hasAttribute(stringKey("server.address"), "::1");
  }

  @Test
  void proxyHeadersNameTheOriginalClientHostAndScheme() {
    end(
        withHeaders(
            Map.of(
                "host", "10.1.2.3:8080",
                "x-forwarded-for", "203.0.113.9, 10.0.0.2",
                "x-forwarded-host", "shop.example.com",
                "x-forwarded-proto", "http")),
        200,
        null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span)
        .hasAttribute(stringKey("client.address"), "203.0.113.9")
        .hasAttribute(stringKey("network.peer.address"), "10.0.0.7")
        .hasAttribute(longKey("network.peer.port"), 52044L)
        .hasAttribute(stringKey("server.address"), "shop.example.com")
        .hasAttribute(stringKey("url.scheme"), "http");
    org.assertj.core.api.Assertions.assertThat(span.getAttributes().get(longKey("server.port"))).isNull();
  }

  @Test
  void forwardedHeaderComesBeforeTheXForwardedOnes() {
    end(
        withHeaders(
            Map.of(
                "forwarded", "For=\"[2001:db8:cafe::17]:4711\";proto=http;host=\"shop.example.com:8081\", for=10.0.0.2",
                "x-forwarded-for", "198.51.100.1",
                "x-forwarded-host", "other.example",
                "x-forwarded-proto", "https",
                "host", "10.1.2.3:8080")),
        200,
        null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasAttribute(stringKey("client.address"), "2001:db8:cafe::17")
        .hasAttribute(stringKey("server.address"), "shop.example.com")
        .hasAttribute(longKey("server.port"), 8081L)
        .hasAttribute(stringKey("url.scheme"), "http");
  }

  @Test
  void forwardedWithoutTheParameterFallsBackToTheNextHeader() {
    // an obfuscated client and no host= or proto=: X-Forwarded-For, Host and the server's scheme answer
    end(withHeaders(Map.of("forwarded", "for=_hidden;by=10.0.0.1", "x-forwarded-for", "198.51.100.1:3333",
        "host", "api.example:8080")), 200, null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasAttribute(stringKey("client.address"), "198.51.100.1")
        .hasAttribute(stringKey("server.address"), "api.example")
        .hasAttribute(longKey("server.port"), 8080L)
        .hasAttribute(stringKey("url.scheme"), "https");
  }

  @Test
  void serverRouteIsReadOnceForTheNameTheAttributeAndTheMetric() {
    ROUTE_READS.set(0);
    end(new Request("POST", "/carts/9", null, "/carts/{cartId}", Map.of()), 201, null);

    org.assertj.core.api.Assertions.assertThat(ROUTE_READS.get()).isEqualTo(1);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span).hasName("POST /carts/{cartId}").hasAttribute(stringKey("http.route"), "/carts/{cartId}");
    org.assertj.core.api.Assertions.assertThat(metrics.collectAllMetrics())
        .flatExtracting(m -> m.getHistogramData().getPoints())
        .anySatisfy(
            p -> org.assertj.core.api.Assertions.assertThat(p.getAttributes().get(stringKey("http.route")))
                .isEqualTo("/carts/{cartId}"));
  }

  @Test
  void serverPathLosesSessionPathParameters() {
    end(new Request("GET", "/cart;jsessionid=A1B2/items;v=2", null, null, Map.of()), 200, null);
    assertThat(spans.getFinishedSpanItems().get(0)).hasAttribute(stringKey("url.path"), "/cart/items;v=2");
  }

  @Test
  void statusRulesOfTheServerSide() {
    end(new Request("GET", "/a", null, null, Map.of()), 404, null);
    end(new Request("GET", "/b", null, null, Map.of()), 503, null);
    end(new Request("GET", "/c", null, null, Map.of()), 500, new IllegalStateException("x"));

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished.get(0)).hasName("GET").hasStatus(StatusData.unset());
    assertThat(finished.get(0).getAttributes().get(stringKey("error.type"))).isNull();
    assertThat(finished.get(1)).hasStatus(StatusData.error()).hasAttribute(stringKey("error.type"), "503");
    assertThat(finished.get(2))
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), "java.lang.IllegalStateException")
        .hasException(new IllegalStateException("x"));
  }

  @Test
  void unknownMethodIsOtherAndTheSpanNameSaysHttp() {
    end(new Request("PURGE", "/cache", null, "/cache", Map.of()), 200, null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasName("HTTP /cache")
        .hasAttribute(stringKey("http.request.method"), "_OTHER")
        .hasAttribute(stringKey("http.request.method_original"), "PURGE");
  }

  @Test
  void routeUpdatedLaterRenamesTheSpanAndReachesTheMetric() {
    Request request = new Request("POST", "/users/42/orders", null, "/users/*", Map.of());
    Context context = instrumenter.start(Context.root(), request);
    try (Scope ignored = context.makeCurrent()) {
      HttpServerRoute.update(Context.current(), "/users/{id}/orders");
      assertThat(HttpServerRoute.get(Context.current())).isEqualTo("/users/{id}/orders");
    }
    instrumenter.end(context, request, 201, null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasName("POST /users/{id}/orders")
        .hasAttribute(stringKey("http.route"), "/users/{id}/orders");
    HistogramPointData point =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("http.server.request.duration"))
            .flatMap(m -> m.getHistogramData().getPoints().stream())
            .filter(p -> "/users/{id}/orders".equals(p.getAttributes().get(stringKey("http.route"))))
            .findFirst()
            .orElseThrow();
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(201L);
  }

  @Test
  void routeClearedByAFrameworkLeavesTheMethodAloneAndNoRoute() {
    Request request = new Request("GET", "/no/such/page", null, "/*", Map.of());
    Context context = instrumenter.start(Context.root(), request);
    HttpServerRoute.clear(context);
    instrumenter.end(context, request, 404, null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span).hasName("GET");
    org.assertj.core.api.Assertions.assertThat(span.getAttributes().get(stringKey("http.route"))).isNull();
    org.assertj.core.api.Assertions.assertThat(HttpServerRoute.get(context)).isNull();
  }

  @Test
  void handledExceptionIsTheEventOfA5xxOnly() {
    Request failed = new Request("GET", "/orders/1", null, "/orders/*", Map.of());
    Context context = instrumenter.start(Context.root(), failed);
    HttpServerHandledError.record(context, new IllegalStateException("broken"));
    instrumenter.end(context, failed, 500, null);
    Request rejected = new Request("GET", "/orders/x", null, "/orders/*", Map.of());
    Context other = instrumenter.start(Context.root(), rejected);
    HttpServerHandledError.record(other, new IllegalArgumentException("bad id"));
    instrumenter.end(other, rejected, 400, null);

    List<SpanData> ended = spans.getFinishedSpanItems();
    assertThat(ended.get(0))
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), "500")
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), "java.lang.IllegalStateException"),
                        equalTo(stringKey("exception.message"), "broken")));
    assertThat(ended.get(1)).hasStatus(StatusData.unset());
    org.assertj.core.api.Assertions.assertThat(ended.get(1).getEvents()).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ended.get(1).getAttributes().get(stringKey("error.type"))).isNull();
  }

  @Test
  void routeUpdateWithoutServerSpanDoesNothing() {
    HttpServerRoute.update(Context.root(), "/x");
    assertThat(HttpServerRoute.get(Context.root())).isNull();
  }

  @Test
  void nestedServerSpanIsSuppressed() {
    Request request = new Request("GET", "/a", null, null, Map.of());
    Context context = instrumenter.start(Context.root(), request);
    org.assertj.core.api.Assertions.assertThat(instrumenter.shouldStart(context, request)).isFalse();
    org.assertj.core.api.Assertions.assertThat(instrumenter.shouldStart(Context.root(), request)).isTrue();
    instrumenter.end(context, request, 200, null);
  }

  @Test
  void traceResponseValueNamesTheServerSpan() {
    Request request = new Request("GET", "/a", null, null, Map.of());
    Context context = instrumenter.start(Context.root(), request);
    instrumenter.end(context, request, 200, null);
    SpanData span = spans.getFinishedSpanItems().get(0);
    org.assertj.core.api.Assertions.assertThat(TraceResponseHeader.value(context))
        .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex());
    org.assertj.core.api.Assertions.assertThat(TraceResponseHeader.value(Context.root())).isNull();
    org.assertj.core.api.Assertions.assertThat(TraceResponseHeader.enabled()).isFalse();
  }

  @Test
  void protocolVersions() {
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP/1.1")).isEqualTo("1.1");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP/1.0")).isEqualTo("1.0");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP/2.0")).isEqualTo("2");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP/3")).isEqualTo("3");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("SPDY/3")).isNull();
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of(null)).isNull();
    // from a library's version object
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP", 1, 1)).isEqualTo("1.1");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP", 1, 0)).isEqualTo("1.0");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP", 2, 0)).isEqualTo("2");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP", 2, 1)).isEqualTo("2.1");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("HTTP", 0, 9)).isEqualTo("0.9");
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of("SPDY", 3, 0)).isNull();
    org.assertj.core.api.Assertions.assertThat(HttpProtocolVersion.of(null, 1, 1)).isNull();
  }

  private static Request withHeaders(Map<String, String> headers) {
    return new Request("GET", "/", null, null, headers);
  }

  private static void end(Request request, Integer status, Throwable error) {
    Context context = instrumenter.start(Context.root(), request);
    instrumenter.end(context, request, status, error);
  }
}
