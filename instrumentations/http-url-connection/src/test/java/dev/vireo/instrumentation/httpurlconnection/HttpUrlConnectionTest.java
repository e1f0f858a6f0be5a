package dev.vireo.instrumentation.httpurlconnection;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AgentTestingExtension.class)
class HttpUrlConnectionTest {

  private static HttpServer server;
  private static int port;
  private static final Map<String, String> traceparentByPath = new ConcurrentHashMap<>();

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          List<String> traceparent = exchange.getRequestHeaders().get("traceparent");
          if (traceparent != null) {
            traceparentByPath.put(path, String.join(",", traceparent));
          }
          exchange.getRequestBody().readAllBytes();
          int status = path.startsWith("/missing") ? 404 : path.startsWith("/fail") ? 500 : 200;
          byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  @Test
  void getCreatesClientSpanAndInjectsTraceparent() throws Exception {
    HttpURLConnection connection = open("/items/7?color=red&sig=secret");
    assertThat(connection.getResponseCode()).isEqualTo(200);
    try (InputStream in = connection.getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("status 200");
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    SpanData span = trace.get(0);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasNoParent()
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(
                stringKey("url.full"), "http://127.0.0.1:" + port + "/items/7?color=red&sig=REDACTED"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) port),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"));
    assertThat(traceparentByPath.get("/items/7"))
        .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-03"); // sampled + W3C Level 2 random
  }

  @Test
  void postWithBodyIsOneSpanEndingAtTheResponse() throws Exception {
    HttpURLConnection connection = open("/orders");
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    try (OutputStream out = connection.getOutputStream()) {
      out.write("{\"item\":1}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(connection.getResponseCode()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0).hasName("POST").hasAttribute(longKey("http.response.status_code"), 200L);
    SpanData span = trace.get(0);
    assertThat(traceparentByPath.get("/orders")).contains(span.getSpanId());
  }

  @Test
  void notFoundThroughGetInputStreamIsAnErrorWithItsStatus() throws Exception {
    HttpURLConnection connection = open("/missing");
    assertThatThrownBy(connection::getInputStream).isInstanceOf(FileNotFoundException.class);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 404L)
        .hasAttribute(stringKey("error.type"), "404");
  }

  @Test
  void serverErrorThroughGetResponseCode() throws Exception {
    HttpURLConnection connection = open("/fail");
    assertThat(connection.getResponseCode()).isEqualTo(500);
    // Reading again must not start or end anything.
    assertThat(connection.getResponseCode()).isEqualTo(500);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 500L)
        .hasAttribute(stringKey("error.type"), "500");
  }

  @Test
  void errorStatusSeenOnlyThroughGetResponseCodeIsNoExceptionEventAndLeaksNoSecret() throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection)
            new URL("http://alice:hunter2@127.0.0.1:" + port + "/missing/1?token=s3cr3t&q=1").openConnection();
    assertThat(connection.getResponseCode()).isEqualTo(404); // the application sees no exception

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasAttribute(
            stringKey("url.full"),
            "http://REDACTED:REDACTED@127.0.0.1:" + port + "/missing/1?token=REDACTED&q=1")
        .hasAttribute(longKey("http.response.status_code"), 404L)
        .hasAttribute(stringKey("error.type"), "404");
    assertThat(trace.get(0).getEvents()).isEmpty();
    assertThat(trace.get(0).toString()).doesNotContain("hunter2").doesNotContain("s3cr3t");
  }

  @Test
  void errorStatusThroughGetInputStreamIsNoExceptionEventEither() throws Exception {
    HttpURLConnection connection = open("/fail/2?password=hunter2");
    assertThatThrownBy(connection::getInputStream).isInstanceOf(IOException.class).hasMessageContaining("hunter2");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0).hasAttribute(longKey("http.response.status_code"), 500L);
    assertThat(trace.get(0).getEvents()).isEmpty();
    assertThat(trace.get(0).toString()).doesNotContain("hunter2");
  }

  @Test
  void connectionRefusedRecordsTheExceptionAndRethrowsIt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + closedPort + "/").openConnection();
    assertThatThrownBy(connection::getResponseCode).isInstanceOf(ConnectException.class);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasAttribute(stringKey("error.type"), "java.net.ConnectException")
        .hasAttribute(longKey("server.port"), (long) closedPort);
    assertThat(trace.get(0).getEvents())
        .anySatisfy(
            event -> {
              assertThat(event.getName()).isEqualTo("exception");
              assertThat(event.getAttributes().get(stringKey("exception.type"))).isEqualTo("java.net.ConnectException");
            });
    assertThat(trace.get(0).getAttributes().get(longKey("http.response.status_code"))).isNull();
  }

  @Test
  void spanIsChildOfTheCurrentSpan() throws Exception {
    io.opentelemetry.api.trace.Tracer tracer =
        dev.vireo.instrumentation.api.VireoTelemetry.get().getTracer("test");
    io.opentelemetry.api.trace.Span parent = tracer.spanBuilder("parent").startSpan();
    try (io.opentelemetry.context.Scope ignored = parent.makeCurrent()) {
      assertThat(open("/child").getResponseCode()).isEqualTo(200);
    } finally {
      parent.end();
    }
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasName("parent");
    trace.span(1).hasName("GET").hasParent(trace.get(0)).hasKind(SpanKind.CLIENT);
    assertThat(traceparentByPath.get("/child")).startsWith("00-" + trace.traceId() + "-" + trace.get(1).getSpanId());
  }

  private HttpURLConnection open(String path) throws IOException {
    return (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
  }
}
