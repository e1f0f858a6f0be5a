package dev.vireo.instrumentation.okhttp;

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
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OkHttp through the shared HTTP client test matrix, plus redirects, authentication and copied
 * clients. Uses only API that OkHttp 3.x, 4.x and 5.x share: the same source runs against each (this
 * module: 3.x; okhttp-4-tests, okhttp-5-tests).
 */
class OkHttpTest extends AbstractAsyncHttpClientTest<Request> {

  private static OkHttpClient client;

  @BeforeAll
  static void createClient() {
    client = new OkHttpClient.Builder().build();
  }

  @Override
  protected Request request(String method, String url, Map<String, String> headers, String body) {
    Request.Builder builder = new Request.Builder().url(url).method(method, body == null ? null : new TextBody(body));
    headers.forEach(builder::header);
    return builder.build();
  }

  @Override
  protected Answer send(Request request) throws Exception {
    return send(client, request);
  }

  private static Answer send(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    }
  }

  @Override
  protected CompletableFuture<AsyncAnswer> sendAsync(Request request) {
    CompletableFuture<AsyncAnswer> answer = new CompletableFuture<>();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        answer.complete(new AsyncAnswer(0, e, Span.current(), Thread.currentThread()));
      }

      @Override
      public void onResponse(Call call, Response response) {
        response.close();
        answer.complete(new AsyncAnswer(response.code(), null, Span.current(), Thread.currentThread()));
      }
    });
    return answer;
  }

  @Override
  protected Answer getWithTimeout(String url, Duration timeout) throws Exception {
    OkHttpClient impatient = client.newBuilder().readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    return send(impatient, new Request.Builder().url(url).build());
  }

  @Override
  protected Class<? extends Exception> timeoutException() {
    return SocketTimeoutException.class;
  }

  @Override
  protected Set<String> headerNames(Request request) {
    return request.headers().names();
  }

  @Override
  protected String scopeName() {
    return "dev.vireo.okhttp";
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

    assertThat(send(authenticating, get("/auth")).status()).isEqualTo(200);

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
  void aClientCopiedWithNewBuilderHasTheInterceptorsOnce() throws Exception {
    OkHttpClient copy = client.newBuilder().addInterceptor(chain -> chain.proceed(chain.request())).build();
    assertThat(copy.interceptors()).hasSize(client.interceptors().size() + 1);
    assertThat(copy.networkInterceptors()).hasSameSizeAs(client.networkInterceptors());

    assertThat(send(copy, get("/copied")).status()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    assertTraceparentNames(server.only("/copied").header("traceparent"), trace.get(0));
  }

  private static SpanData spanWithUrl(Trace trace, String url) {
    return trace.spans().stream()
        .filter(span -> url.equals(span.getAttributes().get(stringKey("url.full"))))
        .reduce((a, b) -> {
          throw new AssertionError("two spans for " + url);
        })
        .orElseThrow(() -> new AssertionError("no span for " + url + " in " + trace));
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
}
