package dev.vireo.instrumentation.apachehttpclient5;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import dev.vireo.instrumentation.api.semconv.http.HttpClientResendingCall;
import dev.vireo.instrumentation.api.semconv.http.HttpClientResendingCalls;
import io.opentelemetry.context.Context;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Classic: one application call ({@code doExecute}) and the requests HttpClient puts on the wire
 * for it, as an {@link HttpClientResendingCall}: each request on the wire is a CLIENT span, resends
 * carry {@code http.request.resend_count}. What is HttpClient 5's own: the facts of each request.
 * The async client ({@link AsyncCall}) uses the same instrumenter.
 */
final class ApacheHttpClient5Spans {

  static final Instrumenter<ApacheHttpRequest, HttpResponse> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(ApacheHttpClient5Module.NAME),
          new ApacheHttpClient5AttributesGetter(),
          PropagationHeaderSetter.INSTANCE);

  static final HttpClientResendingCalls<ApacheHttpRequest, HttpResponse> CALLS =
      HttpClientResendingCalls.create(ApacheHttpClient5Module.NAME, INSTRUMENTER);

  private ApacheHttpClient5Spans() {}

  /** The call, or null when no span is wanted (disabled, or inside another HTTP client span). */
  static Object startCall(HttpHost target, HttpRequest request) {
    return request == null ? null : CALLS.start(Context.current(), () -> new ApacheHttpRequest(target, request, 0));
  }

  static void endCall(Object call, HttpResponse response, Throwable thrown) {
    CALLS.end(call, response, thrown);
  }

  /** One classic request on the wire within the current call; null when it is not ours. */
  static Object startAttempt(ClassicHttpRequest wire) {
    try {
      HttpClientResendingCall<ApacheHttpRequest, HttpResponse> call = CALLS.in(Context.current());
      if (call == null || wire == null || "CONNECT".equals(wire.getMethod())) {
        return null; // not ours, or the proxy tunnel set up on the way to the real request
      }
      return call.startAttempt(
          // HttpClient has set the wire request's scheme and authority by now
          resendCount -> new ApacheHttpRequest(null, wire, resendCount),
          attempt -> attempt.injectInto(wire));
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-5: attempt not traced: {}", e.toString());
      return null;
    }
  }

  static void endAttempt(Object attempt, HttpResponse response, Throwable thrown) {
    CALLS.endAttempt(attempt, response, thrown);
  }
}
