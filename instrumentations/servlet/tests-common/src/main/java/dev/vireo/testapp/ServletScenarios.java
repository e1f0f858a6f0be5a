package dev.vireo.testapp;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The servlet instrumentation's scenarios, run against each container by a subclass that starts the
 * container on an ephemeral port with the test application ({@code TestApp}) under {@code /app}
 * and a container-level hook calling {@link Observations#recordContextBeforeServlets()}.
 * Requests are made with the JDK's java.net.http client, which the agent does not instrument.
 */
@ExtendWith(AgentTestingExtension.class)
public abstract class ServletScenarios {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** The port the container listens on (127.0.0.1). */
  protected abstract int port();

  @BeforeEach
  void clearObservations() {
    Observations.clear();
  }

  @Test
  void getWithoutTraceparentIsANewRootServerSpan() throws Exception {
    HttpResponse<String> response =
        send(get("/app/api/items/42?color=red&sig=secret").header("X-Test-Request", "req-value"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("item /42");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    SpanData span = trace.get(0);
    trace.span(0)
        .hasName("GET /app/api/items/*")
        .hasKind(SpanKind.SERVER)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET",
                "/app/api/items/42",
                "/app/api/items/*",
                equalTo(stringKey("url.query"), "color=red&sig=REDACTED"),
                equalTo(stringArrayKey("http.request.header.x-test-request"), List.of("req-value")),
                equalTo(stringArrayKey("http.response.header.x-test-response"), List.of("resp-value")),
                equalTo(longKey("http.response.status_code"), 200L)));
    // The servlet ran in the span's context.
    assertThat(Observations.get("items.span/42")).isEqualTo(span.getSpanId());
    // Nothing new in the response unless traceresponse is switched on (some container modules do).
    if (Boolean.getBoolean("otel.instrumentation.http.server.traceresponse.enabled")) {
      assertThat(response.headers().allValues("traceresponse"))
          .containsExactly("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex());
    } else {
      assertThat(response.headers().firstValue("traceresponse")).isEmpty();
      assertThat(response.headers().firstValue("traceparent")).isEmpty();
    }
  }

  @Test
  void proxyHeadersNameTheOriginalClientServerAndScheme() throws Exception {
    HttpResponse<String> response =
        send(
            get("/app/hello")
                .header("X-Forwarded-For", "203.0.113.9, 10.0.0.2")
                .header("X-Forwarded-Host", "[2001:db8::5]:8443")
                .header("X-Forwarded-Proto", "https"));
    assertThat(response.statusCode()).isEqualTo(200);

    AgentTesting.waitForSpans(1)
        .trace(0)
        .span(0)
        .hasKind(SpanKind.SERVER)
        .hasAttribute(stringKey("client.address"), "203.0.113.9")
        .hasAttribute(stringKey("network.peer.address"), "127.0.0.1")
        .hasAttribute(stringKey("server.address"), "2001:db8::5")
        .hasAttribute(longKey("server.port"), 8443L)
        .hasAttribute(stringKey("url.scheme"), "https");
  }

  @Test
  void traceparentMakesTheSpanAChildOfTheCaller() throws Exception {
    HttpResponse<String> response =
        send(
            get("/app/hello")
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01")
                .header("tracestate", "vendor=value")
                .header("baggage", "user=alice")
                .header("X-Probe", "child"));
    assertThat(response.statusCode()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    SpanData span = trace.get(0);
    trace.span(0).hasName("GET /app/hello").hasKind(SpanKind.SERVER).hasTraceId(TRACE_ID).hasParentSpanId(PARENT_ID);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(span.getSpanContext().getTraceState().get("vendor")).isEqualTo("value");
    assertThat(Observations.get("hello.span.child")).isEqualTo(span.getSpanId());
    assertThat(Observations.get("hello.baggage.child")).isEqualTo("alice");
  }

  @Test
  void twoTraceparentHeadersAreIgnoredAndStartANewTrace() throws Exception {
    HttpResponse<String> response =
        send(
            get("/app/hello")
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01")
                .header("traceparent", "00-" + TRACE_ID.replace('4', '5') + "-" + PARENT_ID + "-01"));
    assertThat(response.statusCode()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0).hasName("GET /app/hello").hasNoParent();
    assertThat(trace.traceId()).isNotEqualTo(TRACE_ID);
  }

  @Test
  void notFoundLeavesTheStatusUnset() throws Exception {
    HttpResponse<String> response = send(get("/app/api/items/missing"));
    assertThat(response.statusCode()).isEqualTo(404);

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasName("GET /app/api/items/*")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET", "/app/api/items/missing", "/app/api/items/*", equalTo(longKey("http.response.status_code"), 404L)));
    assertResponseSpan(trace, "sendError");
  }

  @Test
  void redirectIsAnInternalSpanUnderTheServerSpan() throws Exception {
    HttpResponse<String> response = send(get("/app/api/items/moved"));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app/hello"));

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasName("GET /app/api/items/*")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET", "/app/api/items/moved", "/app/api/items/*", equalTo(longKey("http.response.status_code"), 302L)));
    assertResponseSpan(trace, "sendRedirect");
  }

  @Test
  void exceptionFromTheServletIsAnErrorWithTheExceptionRecorded() throws Exception {
    HttpResponse<String> response = send(get("/app/api/items/boom"));
    assertThat(response.statusCode()).isEqualTo(500);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET /app/api/items/*")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET",
                "/app/api/items/boom",
                "/app/api/items/*",
                equalTo(longKey("http.response.status_code"), 500L),
                equalTo(stringKey("error.type"), "java.lang.IllegalStateException")));
    List<EventData> events = trace.get(0).getEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getName()).isEqualTo("exception");
    assertThat(events.get(0).getAttributes().get(stringKey("exception.type"))).isEqualTo("java.lang.IllegalStateException");
    assertThat(events.get(0).getAttributes().get(stringKey("exception.message"))).isEqualTo("boom");
    assertThat(events.get(0).getAttributes().get(stringKey("exception.stacktrace")))
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("TestApp$ItemsServlet.doGet");
    assertNoMoreServerSpans(1);
  }

  @Test
  void extensionMappingIsTheRoute() throws Exception {
    assertThat(send(get("/app/legacy/page.do")).body()).isEqualTo("page");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET /app/*.do")
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET", "/app/legacy/page.do", "/app/*.do", equalTo(longKey("http.response.status_code"), 200L)));
  }

  @Test
  void defaultServletRouteIsAWildcardNeverThePath() throws Exception {
    assertThat(send(get("/app/no/such/page")).statusCode()).isEqualTo(404);

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasName("GET /app/*")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET", "/app/no/such/page", "/app/*", equalTo(longKey("http.response.status_code"), 404L)));
    assertResponseSpan(trace, "sendError");
  }

  @Test
  void filterChainIsOneSpanCurrentInEveryFilter() throws Exception {
    HttpResponse<String> response = send(get("/app/filtered/x").header("X-Probe", "filtered"));
    assertThat(response.body()).isEqualTo("hello");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    String spanId = trace.get(0).getSpanId();
    trace.span(0).hasName("GET /app/filtered/*").hasAttribute(stringKey("http.route"), "/app/filtered/*");
    assertThat(Observations.get("filter.first")).isEqualTo(spanId);
    assertThat(Observations.get("filter.second")).isEqualTo(spanId);
    assertThat(Observations.get("hello.span.filtered")).isEqualTo(spanId);
    assertNoMoreServerSpans(1);
  }

  @Test
  void forwardAndIncludeAddNoSecondServerSpan() throws Exception {
    assertThat(send(get("/app/forward").header("X-Probe", "forward")).body()).isEqualTo("hello");
    Trace forward = AgentTesting.waitForSpans(1).trace(0);
    forward.span(0)
        .hasName("GET /app/forward")
        .hasAttributesSatisfyingExactly(
            requestAttributes("GET", "/app/forward", "/app/forward", equalTo(longKey("http.response.status_code"), 200L)));
    assertThat(Observations.get("hello.span.forward")).isEqualTo(forward.get(0).getSpanId());
    assertNoMoreServerSpans(1);

    AgentTesting.clear();
    assertThat(send(get("/app/include").header("X-Probe", "include")).body()).isEqualTo("included: hello");
    Trace include = AgentTesting.waitForSpans(1).trace(0);
    include.span(0).hasName("GET /app/include");
    assertThat(Observations.get("hello.span.include")).isEqualTo(include.get(0).getSpanId());
    assertNoMoreServerSpans(1);
  }

  @Test
  void asyncServletEndsWhenTheAsyncWorkCompletes() throws Exception {
    HttpResponse<String> response = send(get("/app/async/work"));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("async done");

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    SpanData server = trace.get(0);
    trace.span(0)
        .hasName("GET /app/async/*")
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            requestAttributes("GET", "/app/async/work", "/app/async/*", equalTo(longKey("http.response.status_code"), 202L)));
    // Work given to AsyncContext.start runs in the request's context (after doGet returned) ...
    assertThat(Observations.get("async.work-span")).isEqualTo(server.getSpanId());
    trace.span(1).hasName("async-work").hasParent(server);
    // ... and the server span lasts until the request completed, 50 ms after the work span.
    assertThat(server.getEndEpochNanos() - trace.get(1).getEndEpochNanos()).isGreaterThan(40_000_000L);
  }

  @Test
  void asyncTimeoutIsAServerError() throws Exception {
    HttpResponse<String> response = send(get("/app/async/timeout"));
    assertThat(response.statusCode()).isEqualTo(500);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET /app/async/*")
        .hasStatus(StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 500L);
    assertThat(trace.get(0).getEndEpochNanos() - trace.get(0).getStartEpochNanos()).isGreaterThan(150_000_000L);
    assertNoMoreServerSpans(1);
  }

  @Test
  void asyncErrorStatusFromTheAsyncThread() throws Exception {
    HttpResponse<String> response = send(get("/app/async/fail"));
    assertThat(response.statusCode()).isEqualTo(503);

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasName("GET /app/async/*")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            requestAttributes(
                "GET",
                "/app/async/fail",
                "/app/async/*",
                equalTo(longKey("http.response.status_code"), 503L),
                equalTo(stringKey("error.type"), "503")));
    assertResponseSpan(trace, "sendError"); // on the async thread, inside the request's context
  }

  @Test
  void asyncDispatchIsPartOfTheSameSpan() throws Exception {
    HttpResponse<String> response = send(get("/app/async/dispatch").header("X-Probe", "dispatched"));
    assertThat(response.body()).isEqualTo("hello");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0).hasName("GET /app/async/*").hasAttribute(longKey("http.response.status_code"), 200L);
    assertThat(Observations.get("hello.span.dispatched")).isEqualTo(trace.get(0).getSpanId());
    assertNoMoreServerSpans(1);
  }

  @Test
  void unknownMethodIsOther() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri("/app/hello")).method("PURGE", HttpRequest.BodyPublishers.noBody()));
    assertThat(response.statusCode()).isEqualTo(501); // HttpServlet: not implemented

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("HTTP /app/hello")
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("http.request.method"), "_OTHER")
        .hasAttribute(stringKey("http.request.method_original"), "PURGE")
        .hasAttribute(longKey("http.response.status_code"), 501L)
        .hasAttribute(stringKey("error.type"), "501");
  }

  @Test
  void frameworkRouteReplacesTheServletMapping() throws Exception {
    assertThat(send(get("/app/framework/users/7")).body()).isEqualTo("framework");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET /app/framework/users/{id}")
        .hasAttribute(stringKey("http.route"), "/app/framework/users/{id}")
        .hasAttribute(stringKey("url.path"), "/app/framework/users/7");
    HistogramPointData point = durationPoint("/app/framework/users/{id}");
    assertThat(point.getCount()).isEqualTo(1);
  }

  @Test
  void outgoingCallCarriesTheServerTraceAndTheClientSpan() throws Exception {
    HttpResponse<String> response = send(get("/app/client"));
    assertThat(response.body()).isEqualTo("downstream 200");

    Traces traces = AgentTesting.waitForSpans(3);
    assertThat(traces.size()).isEqualTo(1);
    Trace trace = traces.trace(0);
    SpanData outer = trace.get(0);
    SpanData client = trace.get(1);
    SpanData inner = trace.get(2);
    trace.span(0).hasName("GET /app/client").hasKind(SpanKind.SERVER).hasNoParent();
    trace.span(1).hasName("GET").hasKind(SpanKind.CLIENT).hasParent(outer);
    trace.span(2).hasName("GET /app/hello").hasKind(SpanKind.SERVER).hasParent(client);
    assertThat(Observations.get("hello.traceparent.downstream"))
        .isEqualTo(
            "00-" + outer.getTraceId() + "-" + client.getSpanId() + "-" + client.getSpanContext().getTraceFlags().asHex());
    assertThat(inner.getParentSpanContext().isRemote()).isTrue();
  }

  @Test
  void durationMetricHasTheHttpAttributes() throws Exception {
    assertThat(send(get("/app/metered")).statusCode()).isEqualTo(200);
    AgentTesting.waitForSpans(1);

    HistogramPointData point = durationPoint("/app/metered");
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getSum()).isGreaterThan(0).isLessThan(5);
    Map<AttributeKey<?>, Object> expected = new HashMap<>();
    expected.put(stringKey("http.request.method"), "GET");
    expected.put(longKey("http.response.status_code"), 200L);
    expected.put(stringKey("http.route"), "/app/metered");
    expected.put(stringKey("url.scheme"), "http");
    expected.put(stringKey("network.protocol.version"), "1.1");
    assertThat(point.getAttributes().asMap()).isEqualTo(expected);
  }

  @Test
  void noContextLeaksToTheNextRequestOnAContainerThread() throws Exception {
    int requests = 12;
    for (int i = 0; i < requests; i++) {
      assertThat(send(get("/app/hello").header("X-Probe", "seq" + i)).statusCode()).isEqualTo(200);
    }
    Traces traces = AgentTesting.waitForSpans(requests);
    assertThat(traces.size()).isEqualTo(requests);
    List<String> threads = new ArrayList<>();
    for (Trace trace : traces.all()) {
      assertThat(trace.size()).isEqualTo(1);
      trace.span(0).hasName("GET /app/hello").hasNoParent();
    }
    for (int i = 0; i < requests; i++) {
      threads.add(Observations.get("hello.thread.seq" + i));
    }
    // Container threads were reused, and each saw an empty context before the application ran.
    assertThat(threads.stream().distinct().count()).isLessThan(requests);
    List<String> before = Observations.contextsBeforeServlets();
    assertThat(before).hasSize(requests);
    assertThat(before).allSatisfy(entry -> assertThat(entry).endsWith(" root"));
  }

  // Helpers.

  /** The attributes every request to this server has, plus the given ones. */
  private AttributeAssertion[] requestAttributes(
      String method, String path, String route, AttributeAssertion... more) {
    List<AttributeAssertion> all =
        new ArrayList<>(
            List.of(
                equalTo(stringKey("http.request.method"), method),
                equalTo(stringKey("url.scheme"), "http"),
                equalTo(stringKey("url.path"), path),
                equalTo(stringKey("http.route"), route),
                equalTo(stringKey("network.protocol.version"), "1.1"),
                equalTo(stringKey("server.address"), "127.0.0.1"),
                equalTo(longKey("server.port"), (long) port()),
                equalTo(stringKey("client.address"), "127.0.0.1"),
                equalTo(stringKey("network.peer.address"), "127.0.0.1"),
                satisfies(longKey("network.peer.port"), port -> port.isBetween(1L, 65535L)),
                equalTo(stringKey("user_agent.original"), "vireo-test/1.0")));
    all.addAll(Arrays.asList(more));
    return all.toArray(new AttributeAssertion[0]);
  }

  private HttpServerDurationPoints points() {
    return new HttpServerDurationPoints(AgentTesting.collectMetrics());
  }

  private HistogramPointData durationPoint(String route) {
    return points().forRoute(route);
  }

  /**
   * The trace's second and last span: the INTERNAL span around the application's {@code sendError} or {@code
   * sendRedirect}, named after the response class whose code runs (the container's response or facade), a child of
   * the SERVER span; the container's own nested calls get none.
   */
  private static void assertResponseSpan(Trace trace, String method) {
    String declaredBy = Observations.get(method + ".declaredBy");
    assertThat(trace.size()).as("spans: %s", trace).isEqualTo(2);
    trace.span(1)
        .hasName(declaredBy.substring(declaredBy.lastIndexOf('.') + 1) + "." + method)
        .hasKind(SpanKind.INTERNAL)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), declaredBy), equalTo(stringKey("code.function"), method));
  }

  /** Waits briefly and checks that no further SERVER span arrived (e.g. from an error dispatch). */
  private static void assertNoMoreServerSpans(int expected) throws InterruptedException {
    Thread.sleep(200);
    List<SpanData> servers =
        AgentTesting.spans().stream().filter(s -> s.getKind() == SpanKind.SERVER).collect(Collectors.toList());
    assertThat(servers).as("SERVER spans: %s", servers).hasSize(expected);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(
        request.header("User-Agent", "vireo-test/1.0").timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code http.server.request.duration} points collected, by route. */
  private static final class HttpServerDurationPoints {
    private final List<HistogramPointData> points = new ArrayList<>();

    HttpServerDurationPoints(java.util.Collection<MetricData> metrics) {
      for (MetricData metric : metrics) {
        if (metric.getName().equals("http.server.request.duration")) {
          assertThat(metric.getUnit()).isEqualTo("s");
          points.addAll(metric.getHistogramData().getPoints());
        }
      }
    }

    HistogramPointData forRoute(String route) {
      return points.stream()
          .filter(p -> route.equals(p.getAttributes().get(stringKey("http.route"))))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no http.server.request.duration point for " + route + ": " + points));
    }
  }
}
