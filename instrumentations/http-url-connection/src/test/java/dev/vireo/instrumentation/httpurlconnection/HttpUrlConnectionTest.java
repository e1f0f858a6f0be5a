package dev.vireo.instrumentation.httpurlconnection;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.AbstractHttpClientTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HttpURLConnection through the shared HTTP client test matrix, plus the ways it reports answers and errors. */
class HttpUrlConnectionTest extends AbstractHttpClientTest<HttpUrlConnectionTest.UrlRequest> {

  /** HttpURLConnection has no request object apart from the connection: the test's description of one. */
  record UrlRequest(String method, String url, Map<String, String> headers, String body) {}

  @Override
  protected UrlRequest request(String method, String url, Map<String, String> headers, String body) {
    return new UrlRequest(method, url, headers, body);
  }

  @Override
  protected Answer send(UrlRequest request) throws Exception {
    return send(request, 0);
  }

  @Override
  protected Answer getWithTimeout(String url, Duration timeout) throws Exception {
    return send(request("GET", url, Map.of(), null), (int) timeout.toMillis());
  }

  @Override
  protected Class<? extends Exception> timeoutException() {
    return SocketTimeoutException.class;
  }

  /**
   * None to check: the connection is the request object, and it carries the propagation headers
   * itself (as with the OpenTelemetry agent), so "the application's request is untouched" does not
   * apply to this client.
   */
  @Override
  protected Set<String> headerNames(UrlRequest request) {
    return null;
  }

  @Override
  protected String scopeName() {
    return "dev.vireo.http-url-connection";
  }

  private static Answer send(UrlRequest request, int readTimeoutMillis) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(request.url()).openConnection();
    connection.setRequestMethod(request.method());
    request.headers().forEach(connection::setRequestProperty);
    connection.setReadTimeout(readTimeoutMillis);
    if (request.body() != null) {
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(request.body().getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void getCreatesClientSpanAndInjectsTraceparent() throws Exception {
    HttpURLConnection connection = open("/items/7?color=red&sig=secret");
    assertThat(connection.getResponseCode()).isEqualTo(200);
    try (InputStream in = connection.getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("status 200 "); // the server answers "status <code> <request body>"
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
                stringKey("url.full"), server.url("/items/7?color=red&sig=REDACTED")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    assertThat(server.only("/items/7").header("traceparent"))
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
    assertThat(server.only("/orders").header("traceparent")).contains(span.getSpanId());
    assertThat(server.only("/orders").body()).isEqualTo("{\"item\":1}");
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
            new URL("http://alice:hunter2@127.0.0.1:" + server.port() + "/missing?token=s3cr3t&q=1").openConnection();
    assertThat(connection.getResponseCode()).isEqualTo(404); // the application sees no exception

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("GET")
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasAttribute(
            stringKey("url.full"),
            "http://REDACTED:REDACTED@127.0.0.1:" + server.port() + "/missing?token=REDACTED&q=1")
        .hasAttribute(longKey("http.response.status_code"), 404L)
        .hasAttribute(stringKey("error.type"), "404");
    assertThat(trace.get(0).getEvents()).isEmpty();
    assertThat(trace.get(0).toString()).doesNotContain("hunter2").doesNotContain("s3cr3t");
  }

  @Test
  void errorStatusThroughGetInputStreamIsNoExceptionEventEither() throws Exception {
    HttpURLConnection connection = open("/fail?password=hunter2");
    assertThatThrownBy(connection::getInputStream).isInstanceOf(IOException.class).hasMessageContaining("hunter2");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0).hasAttribute(longKey("http.response.status_code"), 500L);
    assertThat(trace.get(0).getEvents()).isEmpty();
    assertThat(trace.get(0).toString()).doesNotContain("hunter2");
  }

  @Test
  void connectionRefusedRecordsTheExceptionAndRethrowsIt() throws Exception {
    int closedPort = closedPort();
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
    assertThat(server.only("/child").header("traceparent")).startsWith("00-" + trace.traceId() + "-" + trace.get(1).getSpanId());
  }

  private static HttpURLConnection open(String path) throws IOException {
    return (HttpURLConnection) new URL(server.url(path)).openConnection();
  }
}
