package dev.vireo.instrumentation.apachehttpclient4;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import dev.vireo.instrumentation.api.semconv.http.HttpClientResendingCall;
import dev.vireo.instrumentation.api.semconv.http.HttpClientResendingCalls;
import io.opentelemetry.context.Context;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.protocol.HttpContext;

/**
 * One application call ({@code doExecute}) and the requests HttpClient puts on the wire for it, as
 * an {@link HttpClientResendingCall}: each request on the wire is a CLIENT span, resends carry
 * {@code http.request.resend_count}. What is HttpClient 4's own: the facts of each request.
 */
final class ApacheHttpClient4Spans {

  static final HttpClientResendingCalls<ApacheHttpRequest, HttpResponse> CALLS =
      HttpClientResendingCalls.create(
          ApacheHttpClient4Module.NAME,
          HttpClientInstrumenters.create(
              InstrumentationScope.of(ApacheHttpClient4Module.NAME),
              new ApacheHttpClient4AttributesGetter(),
              PropagationHeaderSetter.INSTANCE));

  /** httpcore's {@code HttpCoreContext.HTTP_TARGET_HOST}, set by HttpClient before each exchange. */
  private static final String TARGET_HOST = "http.target_host";

  private ApacheHttpClient4Spans() {}

  /** The call, or null when no span is wanted (disabled, or inside another HTTP client span). */
  static Object startCall(HttpHost target, HttpRequest request) {
    return request == null ? null : CALLS.start(Context.current(), () -> new ApacheHttpRequest(target, request, 0));
  }

  static void endCall(Object call, HttpResponse response, Throwable thrown) {
    CALLS.end(call, response, thrown);
  }

  /** One request on the wire within the current call; null when it is not ours. */
  static Object startAttempt(HttpRequest wire, HttpContext httpContext) {
    try {
      HttpClientResendingCall<ApacheHttpRequest, HttpResponse> call = CALLS.in(Context.current());
      if (call == null || wire == null || "CONNECT".equals(wire.getRequestLine().getMethod())) {
        return null; // not ours, or the proxy tunnel set up on the way to the real request
      }
      return call.startAttempt(
          resendCount -> {
            Object target = httpContext == null ? null : httpContext.getAttribute(TARGET_HOST);
            return new ApacheHttpRequest(target instanceof HttpHost ? (HttpHost) target : null, wire, resendCount);
          },
          attempt -> attempt.injectInto(wire));
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-4: attempt not traced: {}", e.toString());
      return null;
    }
  }

  static void endAttempt(Object attempt, HttpResponse response, Throwable thrown) {
    CALLS.endAttempt(attempt, response, thrown);
  }
}
