package dev.vireo.instrumentation.reactornetty;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty on its own, without Spring: the server's SERVER span continues the caller's trace, and the client's
 * CLIENT span is a child of the span current when the request was subscribed and carries {@code traceparent} to the
 * server. One server for the class.
 */
@ExtendWith(AgentTestingExtension.class)
class ReactorNettyTest {

  private static DisposableServer server;
  /** Counted down when a /ticks stream is cancelled (its client went away). */
  private static volatile CountDownLatch ticksCancelled = new CountDownLatch(1);

  @BeforeAll
  static void startServer() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes
                .get("/hello/{name}", (request, response) ->
                    response.sendString(Mono.just("hello " + request.param("name"))))
                .get("/fail", (request, response) -> response.status(503).send())
                .get("/ticks/{count}", (request, response) -> response.sendString(
                    Flux.interval(Duration.ofMillis(10))
                        .onBackpressureBuffer()
                        .take(Long.parseLong(request.param("count")))
                        .map(i -> "tick " + i + "\n")
                        .doOnCancel(() -> ticksCancelled.countDown()))))
            .bindNow(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopServer() {
    server.disposeNow(Duration.ofSeconds(10));
  }

  @Test
  void serverSpanContinuesTheCallersTrace() throws IOException {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/hello/ada?x=1").openConnection();
    connection.setRequestProperty("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(connection.getResponseCode()).isEqualTo(200);
    try (InputStream body = connection.getInputStream()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello ada");
    }

    SpanData span = AgentTesting.waitForSpans(1).trace(0).spans().get(0);
    assertThat(span)
        .hasName("GET")
        .hasKind(SpanKind.SERVER)
        .hasTraceId(traceId)
        .hasParentSpanId("00f067aa0ba902b7");
    assertThat(span.getAttributes().asMap().keySet())
        .extracting(Object::toString)
        .contains("http.request.method", "url.scheme", "url.path", "url.query", "server.address", "server.port",
            "network.protocol.version", "http.response.status_code", "client.address", "network.peer.address",
            "network.peer.port");
    assertThat(span.getAttributes().asMap().keySet()).extracting(Object::toString).doesNotContain("http.route");
  }

  @Test
  void clientSpanIsTheCallersChildAndTheServersParent() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    String body;
    try (Scope ignored = parent.makeCurrent()) {
      body =
          HttpClient.create()
              .get()
              .uri("http://127.0.0.1:" + server.port() + "/hello/grace")
              .responseContent()
              .aggregate()
              .asString()
              .block(Duration.ofSeconds(10));
    } finally {
      parent.end();
    }
    assertThat(body).isEqualTo("hello grace");

    List<SpanData> spans = AgentTesting.waitForSpans(3).trace(0).spans();
    SpanData client = only(spans, SpanKind.CLIENT);
    SpanData serverSpan = only(spans, SpanKind.SERVER);
    assertThat(client)
        .hasName("GET")
        .hasParentSpanId(parent.getSpanContext().getSpanId())
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset());
    assertThat(client.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.full")))
        .isEqualTo("http://127.0.0.1:" + server.port() + "/hello/grace");
    assertThat(client.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(serverSpan).hasParentSpanId(client.getSpanId());
  }

  @Test
  void serverErrorStatusMarksBothSides() {
    Integer status =
        HttpClient.create()
            .get()
            .uri("http://127.0.0.1:" + server.port() + "/fail")
            .response()
            .map(response -> response.status().code())
            .block(Duration.ofSeconds(10));
    assertThat(status).isEqualTo(503);

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    assertThat(only(spans, SpanKind.SERVER)).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error());
    assertThat(only(spans, SpanKind.CLIENT)).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error());
    assertThat(only(spans, SpanKind.SERVER).getAttributes()
            .get(io.opentelemetry.api.common.AttributeKey.stringKey("error.type")))
        .isEqualTo("503");
  }

  @Test
  void clientLeavingAStreamedResponseEndsTheSpanOnceWithTheCancellation() throws Exception {
    ticksCancelled = new CountDownLatch(1);
    try (Socket socket = request("/ticks/1000000")) {
      BufferedReader in = reader(socket);
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("tick "));
      assertThat(line).isEqualTo("tick 0");
    } // gone after the first chunk
    assertThat(ticksCancelled.await(10, TimeUnit.SECONDS)).isTrue();

    SpanData span = AgentTesting.waitForSpans(1).trace(0).spans().get(0);
    assertThat(span)
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.error())
        .hasAttribute(AttributeKey.longKey("http.response.status_code"), 200L)
        .hasAttribute(AttributeKey.stringKey("url.path"), "/ticks/1000000")
        .hasAttribute(AttributeKey.stringKey("error.type"), "java.util.concurrent.CancellationException");
    assertThat(durationCount("java.util.concurrent.CancellationException")).as("ended once").isEqualTo(1);
  }

  @Test
  void streamedAndFixedLengthResponsesThatCompleteAreNoError() throws Exception {
    // a chunked stream to its end, and a fixed-length body whose connection the server closes at once
    // (Connection: close): Reactor Netty 1.0 cancels that handler after the response is out
    for (String path : List.of("/ticks/3", "/hello/ada")) {
      try (Socket socket = request(path)) {
        List<String> lines = reader(socket).lines().toList();
        assertThat(lines.get(0)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(lines).contains(path.equals("/ticks/3") ? "tick 2" : "hello ada");
      }
    }

    List<SpanData> spans = AgentTesting.waitForTraces(2).all().stream().flatMap(t -> t.spans().stream()).toList();
    assertThat(spans).hasSize(2).allSatisfy(span -> assertThat(span)
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.unset())
        .hasAttribute(AttributeKey.longKey("http.response.status_code"), 200L));
    assertThat(spans).allSatisfy(span ->
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isNull());
  }

  @Test
  void serverAddressAndPortAreTheHostHeaders() throws IOException {
    // Reactor Netty answers 400 to a Host whose port is not a number, before any handler
    for (String host : new String[] {"shop.example:8443", "shop.example:65535", "shop.example"}) {
      try (Socket socket = request("/hello/" + host.length(), host)) {
        assertThat(reader(socket).readLine()).isEqualTo("HTTP/1.1 200 OK");
      }
    }
    List<SpanData> spans = AgentTesting.waitForTraces(3).all().stream().flatMap(t -> t.spans().stream()).toList();
    assertThat(spans).extracting(span -> span.getAttributes().get(AttributeKey.stringKey("url.path")) + " "
            + span.getAttributes().get(AttributeKey.stringKey("server.address")) + " "
            + span.getAttributes().get(AttributeKey.longKey("server.port")))
        // without a port in the header, none (as the OpenTelemetry agent: the client may have addressed a proxy's)
        .containsExactlyInAnyOrder("/hello/17 shop.example 8443", "/hello/18 shop.example 65535",
            "/hello/12 shop.example null");
  }

  @Test
  void proxyHeadersAndIpv6HostAsTheOpenTelemetryAgentReadsThem() throws IOException {
    int clientPort;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      clientPort = socket.getLocalPort();
      OutputStream out = socket.getOutputStream();
      out.write(("GET /hello/v6 HTTP/1.1\r\nHost: [::1]:8080\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.2\r\n"
          + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(reader(socket).readLine()).isEqualTo("HTTP/1.1 200 OK");
    }
    try (Socket socket = request("/hello/v6-bare", "[2001:db8::5]")) {
      assertThat(reader(socket).readLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    List<SpanData> spans = AgentTesting.waitForTraces(2).all().stream().flatMap(t -> t.spans().stream()).toList();
    SpanData proxied = spans.stream()
        .filter(span -> "/hello/v6".equals(span.getAttributes().get(AttributeKey.stringKey("url.path"))))
        .findFirst().orElseThrow();
    assertThat(proxied)
        .hasAttribute(AttributeKey.stringKey("server.address"), "::1")
        .hasAttribute(AttributeKey.longKey("server.port"), 8080L)
        .hasAttribute(AttributeKey.stringKey("client.address"), "203.0.113.9")
        .hasAttribute(AttributeKey.stringKey("network.peer.address"), "127.0.0.1")
        .hasAttribute(AttributeKey.longKey("network.peer.port"), (long) clientPort)
        .hasAttribute(AttributeKey.stringKey("url.scheme"), "https");
    SpanData bare = spans.stream()
        .filter(span -> "/hello/v6-bare".equals(span.getAttributes().get(AttributeKey.stringKey("url.path"))))
        .findFirst().orElseThrow();
    assertThat(bare)
        .hasAttribute(AttributeKey.stringKey("server.address"), "2001:db8::5")
        .hasAttribute(AttributeKey.stringKey("client.address"), "127.0.0.1")
        .hasAttribute(AttributeKey.stringKey("url.scheme"), "http");
    assertThat(bare.getAttributes().get(AttributeKey.longKey("server.port"))).isNull();
  }

  /** Sends {@code GET path} with {@code Connection: close} over a plain socket, which no instrumentation sees. */
  private static Socket request(String path) throws IOException {
    return request(path, "127.0.0.1:" + server.port());
  }

  private static Socket request(String path, String host) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Requests {@code http.server.request.duration} measured with {@code error.type} {@code errorType}. */
  private static long durationCount(String errorType) {
    return AgentTesting.collectMetrics().stream()
        .filter(m -> m.getName().equals("http.server.request.duration"))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .filter(p -> errorType.equals(p.getAttributes().get(AttributeKey.stringKey("error.type"))))
        .mapToLong(p -> p.getCount())
        .sum();
  }

  private static SpanData only(List<SpanData> spans, SpanKind kind) {
    List<SpanData> ofKind = spans.stream().filter(s -> s.getKind() == kind).toList();
    assertThat(ofKind).hasSize(1);
    return ofKind.get(0);
  }
}
