package dev.vireo.instrumentation.apachehttpclient5;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.AbstractAsyncHttpClientTest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient 5 ({@code CloseableHttpAsyncClient}, HTTP/1.1) through the shared asynchronous
 * HTTP client test matrix, plus redirects, which the asynchronous client follows inside the call's span.
 */
class ApacheHttpAsyncClient5Test extends AbstractAsyncHttpClientTest<SimpleHttpRequest> {

  private static CloseableHttpAsyncClient client;

  @BeforeAll
  static void createClient() {
    client =
        HttpAsyncClients.custom()
            .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
            .build();
    client.start();
  }

  @AfterAll
  static void closeClient() throws Exception {
    client.close();
  }

  @Override
  protected SimpleHttpRequest request(String method, String url, Map<String, String> headers, String body) {
    SimpleHttpRequest request = new SimpleHttpRequest(method, URI.create(url));
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setBody(body, ContentType.APPLICATION_JSON);
    }
    return request;
  }

  @Override
  protected Answer send(SimpleHttpRequest request) throws Exception {
    try {
      SimpleHttpResponse response = client.execute(request, null).get(30, TimeUnit.SECONDS);
      return new Answer(response.getCode(), response.getBodyText());
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Override
  protected CompletableFuture<AsyncAnswer> sendAsync(SimpleHttpRequest request) {
    CompletableFuture<AsyncAnswer> answer = new CompletableFuture<>();
    client.execute(
        request,
        new FutureCallback<SimpleHttpResponse>() {
          @Override
          public void completed(SimpleHttpResponse response) {
            answer.complete(new AsyncAnswer(response.getCode(), null, Span.current(), Thread.currentThread()));
          }

          @Override
          public void failed(Exception error) {
            answer.complete(new AsyncAnswer(0, error, Span.current(), Thread.currentThread()));
          }

          @Override
          public void cancelled() {
            answer.cancel(false);
          }
        });
    return answer;
  }

  @Override
  protected Answer getWithTimeout(String url, Duration timeout) throws Exception {
    SimpleHttpRequest get = new SimpleHttpRequest("GET", URI.create(url));
    get.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(timeout.toMillis())).build());
    return send(get);
  }

  @Override
  protected Class<? extends Exception> timeoutException() {
    return SocketTimeoutException.class;
  }

  @Override
  protected Class<? extends ConnectException> connectionRefusedException() {
    return HttpHostConnectException.class;
  }

  @Override
  protected Set<String> headerNames(SimpleHttpRequest request) {
    return Arrays.stream(request.getHeaders()).map(Header::getName).collect(Collectors.toSet());
  }

  @Override
  protected String scopeName() {
    return "dev.vireo.apache-httpclient-5";
  }

  @Test
  void redirectsTheAsyncClientFollowsStayInOneSpan() throws Exception {
    assertThat(send(get("/redirect")).body()).isEqualTo("status 200 ");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url("/redirect")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    // both requests carry the call's span as parent
    assertTraceparentNames(server.only("/redirect").header("traceparent"), trace.get(0));
    assertTraceparentNames(server.only("/target").header("traceparent"), trace.get(0));
  }
}
