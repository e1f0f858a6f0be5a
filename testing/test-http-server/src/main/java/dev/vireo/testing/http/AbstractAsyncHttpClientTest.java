package dev.vireo.testing.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared HTTP client test matrix plus the asynchronous calls, for clients that have an
 * asynchronous API: the span ends with the response, and the callback runs in the caller's context.
 *
 * @param <REQUEST> the client's request type
 */
public abstract class AbstractAsyncHttpClientTest<REQUEST> extends AbstractHttpClientTest<REQUEST> {

  /**
   * What an asynchronous call's callback saw: the status (or the failure) and the current span and
   * thread while it ran.
   */
  public record AsyncAnswer(int status, Throwable failure, Span spanInCallback, Thread callbackThread) {}

  /** Sends the request through the client's asynchronous API; the future completes in the callback. */
  protected abstract CompletableFuture<AsyncAnswer> sendAsync(REQUEST request);

  @Test
  void asyncCallEndsWithTheResponseAndCallsBackInTheCallersContext() throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    CompletableFuture<AsyncAnswer> answer;
    try (Scope ignored = parent.makeCurrent()) {
      // /slow answers after 3 s, so the callback is registered before completion and runs on a client thread.
      answer = sendAsync(get("/slow"));
    } finally {
      parent.end();
    }

    AsyncAnswer async = answer.get(30, TimeUnit.SECONDS);
    assertThat(async.failure()).isNull();
    assertThat(async.status()).isEqualTo(200);
    assertThat(async.callbackThread()).isNotSameAs(Thread.currentThread());
    assertThat(async.spanInCallback().getSpanContext()).isEqualTo(parent.getSpanContext());
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasName("parent");
    trace.span(1)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttribute(longKey("http.response.status_code"), 200L)
        .hasAttribute(stringKey("network.protocol.version"), "1.1");
    // The span ends when the response arrives, not when the call returned.
    assertThat(trace.get(1).getEndEpochNanos() - trace.get(1).getStartEpochNanos())
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900).toNanos());
    assertTraceparentNames(server.only("/slow").header("traceparent"), trace.get(1));
  }

  @Test
  void asyncFailureEndsTheSpanWithTheErrorAndCallsBackInTheCallersContext() throws Exception {
    int closedPort = closedPort();
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    CompletableFuture<AsyncAnswer> answer;
    try (Scope ignored = parent.makeCurrent()) {
      answer = sendAsync(request("GET", "http://127.0.0.1:" + closedPort + "/x", Map.of(), null));
    } finally {
      parent.end();
    }

    AsyncAnswer async = answer.get(30, TimeUnit.SECONDS);
    Throwable failure = async.failure() instanceof CompletionException ? async.failure().getCause() : async.failure();
    assertThat(failure).isInstanceOf(connectionRefusedException());
    assertThat(async.spanInCallback().getSpanContext()).isEqualTo(parent.getSpanContext());
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasName("parent");
    trace.span(1)
        .hasName("GET")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), "http://127.0.0.1:" + closedPort + "/x"),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) closedPort),
            equalTo(stringKey("error.type"), connectionRefusedException().getName()));
  }
}
