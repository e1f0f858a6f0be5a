package dev.vireo.instrumentation.okhttp;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import okhttp3.Response;

/**
 * One application call ({@code execute} or {@code enqueue}) and its physical requests. Following the
 * HTTP client conventions, every request OkHttp puts on the wire is its own CLIENT span; the
 * redirects and retries OkHttp makes inside the call carry {@code http.request.resend_count}
 * (1, 2, ...). All attempts are children of the caller's span; without one, resends are children of
 * the first attempt so the call stays one trace.
 *
 * <p>The first attempt's span is started by {@link CallInterceptor} before OkHttp connects, so a
 * call that fails to connect (no request reaches the network interceptors) still has a span covering
 * the connection attempt.
 */
final class LogicalCall {

  static final Instrumenter<OkHttpRequest, Response> INSTRUMENTER =
      HttpClientInstrumenters.create(InstrumentationScope.of(OkHttpModule.NAME), new OkHttpAttributesGetter(), PropagationHeaderSetter.INSTANCE);

  private static final ContextKey<LogicalCall> KEY = ContextKey.named("vireo-okhttp-call");

  final Context parent;
  private final Context firstAttempt;
  private final OkHttpRequest firstRequest;
  private boolean firstAttemptEnded;
  private int attempts;

  LogicalCall(Context parent, Context firstAttempt, OkHttpRequest firstRequest) {
    this.parent = parent;
    this.firstAttempt = firstAttempt;
    this.firstRequest = firstRequest;
  }

  static LogicalCall in(Context context) {
    return context.get(KEY);
  }

  /** The context the rest of the interceptor chain runs in: the caller's, plus this call. */
  Context chainContext() {
    return parent.with(KEY, this);
  }

  /**
   * The parent of a resend's span: the caller's span when there is one (all attempts are siblings);
   * otherwise the first attempt's span, so that a call made outside any trace still is one trace.
   */
  Context resendParent() {
    return Span.fromContext(parent).getSpanContext().isValid() ? parent : firstAttempt;
  }

  /** Counts a request reaching the network; 0 for the first. */
  int nextAttempt() {
    return attempts++;
  }

  Context firstAttemptContext() {
    return firstAttempt;
  }

  OkHttpRequest firstRequest() {
    return firstRequest;
  }

  /** Ends the first attempt's span unless that already happened. */
  void endFirstAttempt(Response response, Throwable error) {
    if (!firstAttemptEnded) {
      firstAttemptEnded = true;
      end(firstAttempt, firstRequest, response, error);
    }
  }

  /** Ends an attempt's span; a failure here must never reach the application's call. */
  static void end(Context attempt, OkHttpRequest request, Response response, Throwable error) {
    try {
      INSTRUMENTER.end(attempt, request, response, error);
    } catch (RuntimeException e) {
      AgentLog.debug("okhttp: span not ended: {}", e.toString());
    }
  }
}
