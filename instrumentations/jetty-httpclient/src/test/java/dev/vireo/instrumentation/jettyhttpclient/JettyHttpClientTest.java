package dev.vireo.instrumentation.jettyhttpclient;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.AbstractAsyncHttpClientTest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jetty 12 HttpClient through the shared HTTP client test matrix, plus the requests Jetty resends itself. */
class JettyHttpClientTest extends AbstractAsyncHttpClientTest<Request> {

  private static HttpClient client;

  @BeforeAll
  static void startClient() throws Exception {
    client = new HttpClient();
    client.start();
  }

  @AfterAll
  static void stopClient() throws Exception {
    client.stop();
  }

  @Override
  protected Request request(String method, String url, Map<String, String> headers, String body) {
    Request request = client.newRequest(url).method(method);
    request.headers(fields -> headers.forEach(fields::put));
    if (body != null) {
      request.body(new StringRequestContent(body));
    }
    return request;
  }

  @Override
  protected Answer send(Request request) throws Exception {
    try {
      ContentResponse response = request.send();
      return new Answer(response.getStatus(), response.getContentAsString());
    } catch (ExecutionException e) {
      throw (Exception) e.getCause(); // what the application sees as the failure
    }
  }

  @Override
  protected CompletableFuture<AsyncAnswer> sendAsync(Request request) {
    CompletableFuture<AsyncAnswer> answer = new CompletableFuture<>();
    request.send(result -> answer.complete(
        new AsyncAnswer(
            result.isFailed() ? 0 : result.getResponse().getStatus(),
            result.getFailure(),
            Span.current(),
            Thread.currentThread())));
    return answer;
  }

  @Override
  protected Answer getWithTimeout(String url, Duration timeout) throws Exception {
    return send(client.newRequest(url).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  protected Class<? extends Exception> timeoutException() {
    return TimeoutException.class;
  }

  @Override
  protected Set<String> headerNames(Request request) {
    return null; // Jetty puts the application's request object itself on the wire
  }

  @Override
  protected String scopeName() {
    return "dev.vireo.jetty-httpclient";
  }

  @Test
  void eachRequestOfARedirectIsASpanAndTheResendCountsUp() throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      ContentResponse response = get("/redirect").send();
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getRequest().getPath()).isEqualTo("/target");
    } finally {
      parent.end();
    }

    Trace trace = AgentTesting.waitForSpans(3).trace(0);
    assertThat(trace.size()).isEqualTo(3);
    SpanData first = spanWithUrl(trace, server.url("/redirect"));
    SpanData resend = spanWithUrl(trace, server.url("/target"));
    assertThat(trace.get(0).getName()).isEqualTo("parent");
    assertThat(first.getParentSpanId()).isEqualTo(trace.get(0).getSpanId());
    assertThat(resend.getParentSpanId()).isEqualTo(trace.get(0).getSpanId());
    OpenTelemetryAssertions.assertThat(first)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
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
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/target")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.request.resend_count"), 1L),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    assertTraceparentNames(server.only("/redirect").header("traceparent"), first);
    assertTraceparentNames(server.only("/target").header("traceparent"), resend);
  }

  @Test
  void anAuthenticationChallengeAnsweredByJettyIsAResendUnderTheFirstAttempt() throws Exception {
    HttpClient authenticating = new HttpClient();
    authenticating.getAuthenticationStore()
        .addAuthentication(new BasicAuthentication(URI.create(server.url("/")), "test", "user", "pass"));
    authenticating.start();
    try {
      assertThat(authenticating.newRequest(server.url("/auth")).send().getStatus()).isEqualTo(200);
    } finally {
      authenticating.stop();
    }

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    assertThat(AgentTesting.spans()).hasSize(2);
    SpanData challenged = trace.get(0);
    SpanData resend = trace.get(1);
    assertThat(challenged.getParentSpanContext().isValid()).isFalse();
    assertThat(resend.getParentSpanId()).isEqualTo(challenged.getSpanId());
    OpenTelemetryAssertions.assertThat(challenged)
        .hasStatus(StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 401L)
        .hasAttribute(stringKey("error.type"), "401");
    OpenTelemetryAssertions.assertThat(resend)
        .hasStatus(StatusData.unset())
        .hasAttribute(longKey("http.request.resend_count"), 1L)
        .hasAttribute(longKey("http.response.status_code"), 200L)
        .hasAttribute(stringKey("url.full"), server.url("/auth"));
    assertThat(server.requests).hasSize(2);
    assertTraceparentNames(server.requests.get(0).header("traceparent"), challenged);
    assertTraceparentNames(server.requests.get(1).header("traceparent"), resend);
    assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
  }

  private static SpanData spanWithUrl(Trace trace, String url) {
    return trace.spans().stream()
        .filter(span -> url.equals(span.getAttributes().get(stringKey("url.full"))))
        .reduce((a, b) -> {
          throw new AssertionError("two spans for " + url);
        })
        .orElseThrow(() -> new AssertionError("no span for " + url + " in " + trace));
  }
}
