package dev.vireo.instrumentation.apachehttpclient4;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.AbstractHttpClientTest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.ResponseHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.HttpHostConnectException;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.message.BasicHttpRequest;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * Apache HttpClient 4 through the shared HTTP client test matrix, plus every {@code execute} overload
 * (with and without {@code HttpHost}, {@code HttpContext}, {@code ResponseHandler}), redirects and
 * authentication challenges as resends.
 */
class ApacheHttpClient4Test extends AbstractHttpClientTest<HttpUriRequest> {

  private static CloseableHttpClient client;

  private static final ResponseHandler<Integer> STATUS = response -> {
    EntityUtils.consume(response.getEntity());
    return response.getStatusLine().getStatusCode();
  };

  @BeforeAll
  static void createClient() {
    client = HttpClients.custom().setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(5000).build()).build();
  }

  @AfterAll
  static void closeClient() throws Exception {
    client.close();
  }

  @Override
  protected HttpUriRequest request(String method, String url, Map<String, String> headers, String body) {
    RequestBuilder builder = RequestBuilder.create(method).setUri(url);
    headers.forEach(builder::addHeader);
    if (body != null) {
      builder.setEntity(new StringEntity(body, ContentType.create("application/json", StandardCharsets.UTF_8)));
    }
    return builder.build();
  }

  @Override
  protected Answer send(HttpUriRequest request) throws Exception {
    return send(client, request);
  }

  private static Answer send(CloseableHttpClient httpClient, HttpUriRequest request) throws Exception {
    try (CloseableHttpResponse response = httpClient.execute(request)) {
      return new Answer(response.getStatusLine().getStatusCode(), EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
    }
  }

  @Override
  protected Answer getWithTimeout(String url, Duration timeout) throws Exception {
    HttpGet get = new HttpGet(url);
    get.setConfig(RequestConfig.custom().setSocketTimeout((int) timeout.toMillis()).build());
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
  protected Set<String> headerNames(HttpUriRequest request) {
    return Arrays.stream(request.getAllHeaders()).map(h -> h.getName()).collect(Collectors.toSet());
  }

  @Override
  protected String scopeName() {
    return "dev.vireo.apache-httpclient-4";
  }

  @Test
  void everyResponseHandlerOverloadIsOneSpan() throws Exception {
    HttpHost host = new HttpHost("127.0.0.1", server.port());
    assertOneSpan("/handler-1", () -> client.execute(get("/handler-1"), STATUS));
    assertOneSpan("/handler-2", () -> client.execute(get("/handler-2"), STATUS, HttpClientContext.create()));
    assertOneSpan("/handler-3", () -> client.execute(host, new HttpGet("/handler-3"), STATUS));
    assertOneSpan("/handler-4", () -> client.execute(host, new HttpGet("/handler-4"), STATUS, HttpClientContext.create()));
  }

  @Test
  void everyOverloadWithoutHandlerIsOneSpan() throws Exception {
    HttpHost host = new HttpHost("127.0.0.1", server.port());
    assertOneSpan("/plain-1", () -> statusOf(client.execute(get("/plain-1"), HttpClientContext.create())));
    assertOneSpan("/plain-2", () -> statusOf(client.execute(host, new BasicHttpRequest("GET", "/plain-2"))));
    assertOneSpan("/plain-3", () -> statusOf(client.execute(host, new BasicHttpRequest("GET", "/plain-3"), HttpClientContext.create())));
  }

  @Test
  void eachRequestOfARedirectIsASpanAndTheResendCountsUp() throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      assertThat(send(get("/redirect")).body()).isEqualTo("status 200 ");
    } finally {
      parent.end();
    }

    Trace trace = AgentTesting.waitForSpans(3).trace(0);
    assertThat(trace.size()).isEqualTo(3);
    SpanData parentSpan = trace.get(0);
    SpanData first = spanWithUrl(trace, server.url("/redirect"));
    SpanData resend = spanWithUrl(trace, server.url("/target"));
    assertThat(parentSpan.getName()).isEqualTo("parent");
    assertThat(first.getParentSpanId()).isEqualTo(parentSpan.getSpanId());
    assertThat(resend.getParentSpanId()).isEqualTo(parentSpan.getSpanId());
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
  void anAuthenticationChallengeAnsweredByHttpClientIsAResend() throws Exception {
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials("user", "pass"));
    try (CloseableHttpClient authenticating = HttpClients.custom().setDefaultCredentialsProvider(credentials).build()) {
      assertThat(send(authenticating, get("/auth")).status()).isEqualTo(200);
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
    assertThat(server.requests.get(1).header("Authorization")).startsWith("Basic ");
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedDefaultHttpClientIsTracedToo() throws Exception {
    try (CloseableHttpClient legacy = new org.apache.http.impl.client.DefaultHttpClient()) {
      assertOneSpan("/legacy", () -> legacy.execute(get("/legacy"), STATUS));
    }
  }

  @Test
  void restTemplateOnTheHttpComponentsFactoryMakesOneClientSpan() throws Exception {
    RestTemplate restTemplate = new RestTemplate(new HttpComponentsClientHttpRequestFactory(client));
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      assertThat(restTemplate.getForObject(server.url("/rest"), String.class)).isEqualTo("status 200 ");
    } finally {
      parent.end();
    }

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    assertThat(AgentTesting.spans()).hasSize(2);
    trace.span(0).hasName("parent");
    trace.span(1)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttribute(stringKey("url.full"), server.url("/rest"))
        .hasAttribute(longKey("http.response.status_code"), 200L);
    assertThat(trace.get(1).getInstrumentationScopeInfo().getName()).isEqualTo(scopeName());
    assertTraceparentNames(server.only("/rest").header("traceparent"), trace.get(1));
  }

  private static int statusOf(CloseableHttpResponse response) throws Exception {
    try (CloseableHttpResponse closing = response) {
      EntityUtils.consume(closing.getEntity());
      return closing.getStatusLine().getStatusCode();
    }
  }

  /** Runs one call and asserts it made exactly one CLIENT span whose context reached the server. */
  private static void assertOneSpan(String path, Callable<Integer> call) throws Exception {
    AgentTesting.clear();
    assertThat(call.call()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasNoParent()
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), server.url(path)),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) server.port()),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("recording-server")));
    assertTraceparentNames(server.only(path).header("traceparent"), trace.get(0));
  }

  private static SpanData spanWithUrl(Trace trace, String url) {
    for (int i = 0; i < trace.size(); i++) {
      if (url.equals(trace.get(i).getAttributes().get(stringKey("url.full")))) {
        return trace.get(i);
      }
    }
    throw new AssertionError("no span with url.full " + url);
  }
}
