package dev.vireo.instrumentation.api.semconv.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One application call that puts several requests on the wire: one CLIENT span per request,
 * {@code http.request.resend_count} on resends, resends under the caller's span or else under the
 * first attempt, each wire request carrying its own span's traceparent.
 */
class HttpClientResendingCallTest {

  /** A module's request wrapper: where it goes, its resend count, the propagation headers its span wants. */
  static final class Request {
    final String url;
    final int resendCount;
    final Map<String, String> propagationHeaders = new HashMap<>();

    Request(String url, int resendCount) {
      this.url = url;
      this.resendCount = resendCount;
    }

    void injectInto(Map<String, String> wire) {
      wire.putAll(propagationHeaders);
    }
  }

  private static final HttpClientAttributesGetter<Request, Integer> GETTER =
      new HttpClientAttributesGetter<>() {
        @Override public String method(Request r) { return "GET"; }
        @Override public String url(Request r) { return r.url; }
        @Override public String serverAddress(Request r) { return "h.example"; }
        @Override public Integer serverPort(Request r) { return 8080; }
        @Override public List<String> requestHeader(Request r, String name) { return List.of(); }
        @Override public Integer statusCode(Request r, Integer status, Throwable error) { return status; }
        @Override public String protocolVersion(Request r, Integer status) { return null; }
        @Override public List<String> responseHeader(Request r, Integer status, String name) { return List.of(); }
        @Override public int resendCount(Request r) { return r.resendCount; }
      };

  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static OpenTelemetrySdk sdk;
  private static HttpClientResendingCalls<Request, Integer> calls;
  private static HttpClientResendingCalls<Request, Integer> otherModuleCalls;

  @BeforeAll
  static void installSdk() {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    VireoTelemetry.install(() -> sdk);
    calls =
        HttpClientResendingCalls.create(
            "test-client",
            HttpClientInstrumenters.create(
                "test-client", GETTER, (request, key, value) -> request.propagationHeaders.put(key, value)));
    otherModuleCalls =
        HttpClientResendingCalls.create(
            "other-client",
            HttpClientInstrumenters.create(
                "other-client", GETTER, (request, key, value) -> request.propagationHeaders.put(key, value)));
  }

  @AfterAll
  static void uninstall() {
    VireoTelemetry.install(io.opentelemetry.api.OpenTelemetry::noop);
  }

  @AfterEach
  void clear() {
    spans.reset();
  }

  @Test
  void eachRequestOnTheWireIsASpanAndResendsAreSiblingsUnderTheCaller() {
    Span caller = sdk.getTracer("test").spanBuilder("caller").startSpan();
    Map<String, String> wire0 = new HashMap<>();
    Map<String, String> wire1 = new HashMap<>();
    Map<String, String> wire2 = new HashMap<>();
    SpanContext currentDuringCall;
    SpanContext currentDuringResend;
    try (Scope ignored = caller.makeCurrent()) {
      HttpClientResendingCall<Request, Integer> call =
          calls.start(Context.current(), () -> new Request("http://h.example:8080/a", 0));
      currentDuringCall = Span.current().getSpanContext();
      assertThat(calls.in(Context.current())).isSameAs(call);
      assertThat(otherModuleCalls.in(Context.current())).isNull();

      Object first = call.startAttempt(n -> new Request("unused", n), r -> r.injectInto(wire0));
      calls.endAttempt(first, 302, null);
      Object redirect = call.startAttempt(n -> new Request("http://h.example:8080/b", n), r -> r.injectInto(wire1));
      currentDuringResend = Span.current().getSpanContext();
      calls.endAttempt(redirect, 401, null);
      Object authenticated = call.startAttempt(n -> new Request("http://h.example:8080/b", n), r -> r.injectInto(wire2));
      calls.endAttempt(authenticated, 200, null);
      calls.end(call, 200, null);
      assertThat(Span.current()).isSameAs(caller);
    } finally {
      caller.end();
    }

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(4);
    SpanData first = finished.get(0);
    SpanData redirect = finished.get(1);
    SpanData authenticated = finished.get(2);
    assertThat(finished.get(3).getName()).isEqualTo("caller");
    for (SpanData attempt : List.of(first, redirect, authenticated)) {
      assertThat(attempt.getName()).isEqualTo("GET");
      assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(attempt.getParentSpanContext()).isEqualTo(caller.getSpanContext());
    }
    assertThat(first.getAttributes().get(stringKey("url.full"))).isEqualTo("http://h.example:8080/a");
    assertThat(first.getAttributes().get(longKey("http.request.resend_count"))).isNull();
    assertThat(first.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(302L);
    assertThat(redirect.getAttributes().get(stringKey("url.full"))).isEqualTo("http://h.example:8080/b");
    assertThat(redirect.getAttributes().get(longKey("http.request.resend_count"))).isEqualTo(1L);
    assertThat(redirect.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(401L);
    assertThat(redirect.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(authenticated.getAttributes().get(longKey("http.request.resend_count"))).isEqualTo(2L);
    assertThat(authenticated.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(200L);

    assertThat(currentDuringCall).isEqualTo(first.getSpanContext());
    assertThat(currentDuringResend).isEqualTo(redirect.getSpanContext());
    assertThat(wire0).containsExactly(Map.entry("traceparent", traceparent(first)));
    assertThat(wire1).containsExactly(Map.entry("traceparent", traceparent(redirect)));
    assertThat(wire2).containsExactly(Map.entry("traceparent", traceparent(authenticated)));
  }

  @Test
  void withoutACallerResendsAreChildrenOfTheFirstAttempt() {
    HttpClientResendingCall<Request, Integer> call =
        calls.start(Context.root(), () -> new Request("http://h.example:8080/a", 0));
    calls.endAttempt(call.startAttempt(n -> new Request("unused", n), r -> {}), 503, null);
    calls.endAttempt(call.startAttempt(n -> new Request("http://h.example:8080/a", n), r -> {}), 200, null);
    calls.end(call, 200, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    SpanData first = finished.get(0);
    SpanData retry = finished.get(1);
    assertThat(first.getParentSpanContext().isValid()).isFalse();
    assertThat(first.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(503L);
    assertThat(retry.getParentSpanContext()).isEqualTo(first.getSpanContext());
    assertThat(retry.getTraceId()).isEqualTo(first.getTraceId());
    assertThat(retry.getAttributes().get(longKey("http.request.resend_count"))).isEqualTo(1L);
    assertThat(retry.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(200L);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void aCallThatNeverReachesTheWireEndsTheFirstAttemptWithTheCallsError() {
    HttpClientResendingCall<Request, Integer> call =
        calls.start(Context.root(), () -> new Request("http://h.example:8080/a", 0));
    calls.end(call, null, new ConnectException("Connection refused"));

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    SpanData first = finished.get(0);
    assertThat(first.getName()).isEqualTo("GET");
    assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(first.getAttributes().get(stringKey("error.type"))).isEqualTo("java.net.ConnectException");
    assertThat(first.getAttributes().get(longKey("http.request.resend_count"))).isNull();
    assertThat(first.getEvents()).hasSize(1);
    assertThat(first.getEvents().get(0).getName()).isEqualTo("exception");
  }

  @Test
  void theFirstAttemptEndsOnceWithTheResponseFromTheWire() {
    HttpClientResendingCall<Request, Integer> call =
        calls.start(Context.root(), () -> new Request("http://h.example:8080/a", 0));
    Object attempt = call.startAttempt(n -> new Request("unused", n), r -> {});
    calls.endAttempt(attempt, null, new IOException("connection reset"));
    calls.end(call, 200, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    assertThat(finished.get(0).getAttributes().get(stringKey("error.type"))).isEqualTo("java.io.IOException");
    assertThat(finished.get(0).getAttributes().get(longKey("http.response.status_code"))).isNull();
  }

  @Test
  void noSecondCallStartsInsideACallOfThisOrAnotherHttpClient() {
    HttpClientResendingCall<Request, Integer> call =
        calls.start(Context.root(), () -> new Request("http://h.example:8080/a", 0));
    assertThat(calls.start(Context.current(), () -> { throw new AssertionError("request built inside a call"); }))
        .isNull();
    assertThat(otherModuleCalls.start(Context.current(), () -> new Request("http://h.example:8080/nested", 0))).isNull();
    calls.end(call, 200, null);

    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(stringKey("url.full")))
        .isEqualTo("http://h.example:8080/a");
  }

  @Test
  void theResendParentRuleIsOpenToModulesThatResendFromTheLibrarysThreads() {
    Context caller =
        Context.root().with(Span.wrap(SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault())));
    Context firstAttempt =
        Context.root().with(Span.wrap(SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));

    assertThat(HttpClientResendingCall.resendParent(caller, firstAttempt)).isSameAs(caller);
    assertThat(HttpClientResendingCall.resendParent(Context.root(), firstAttempt)).isSameAs(firstAttempt);
  }

  @Test
  void anotherModulesCallsIgnoreThisModulesCallAndAttempts() {
    HttpClientResendingCall<Request, Integer> call =
        calls.start(Context.root(), () -> new Request("http://h.example:8080/a", 0));
    Object attempt = call.startAttempt(n -> new Request("unused", n), r -> {});
    otherModuleCalls.endAttempt(attempt, 500, null);
    otherModuleCalls.end(call, 500, null);
    assertThat(spans.getFinishedSpanItems()).isEmpty();

    calls.endAttempt(attempt, 200, null);
    calls.end(call, 200, null);
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  private static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }
}
