package dev.vireo.instrumentation.javahttpclient;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.AbstractAsyncHttpClientTest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** java.net.http.HttpClient through the shared HTTP client test matrix, plus how it follows redirects. */
class JavaHttpClientTest extends AbstractAsyncHttpClientTest<HttpRequest> {

  private static HttpClient client;

  @BeforeAll
  static void createClient() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @Override
  protected HttpRequest request(String method, String url, Map<String, String> headers, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return builder.build();
  }

  @Override
  protected Answer send(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  @Override
  protected CompletableFuture<AsyncAnswer> sendAsync(HttpRequest request) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) ->
                new AsyncAnswer(
                    response == null ? 0 : response.statusCode(), failure, Span.current(), Thread.currentThread()));
  }

  @Override
  protected Answer getWithTimeout(String url, Duration timeout) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build());
  }

  @Override
  protected Class<? extends Exception> timeoutException() {
    return HttpTimeoutException.class;
  }

  @Override
  protected Set<String> headerNames(HttpRequest request) {
    return request.headers().map().keySet();
  }

  @Override
  protected String scopeName() {
    return "dev.vireo.java-http-client";
  }

  @Test
  void aTraceparentTheApplicationSetIsReplacedNotDuplicated() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/items/1")))
            .header("TraceParent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .header("X-Kept", "yes")
            .build();

    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertTraceparentNames(server.only("/items/1").header("traceparent"), trace.get(0));
    assertThat(server.only("/items/1").header("x-kept")).isEqualTo("yes");
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
}
