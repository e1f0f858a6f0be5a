package dev.vireo.instrumentation.apachehttpclient4;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/**
 * One application call ({@code doExecute}) and the requests HttpClient puts on the wire for it.
 * Following the HTTP client conventions, each request on the wire is a CLIENT span; the redirects
 * and retries HttpClient makes inside the call carry {@code http.request.resend_count} (1, 2, ...).
 * All attempts are children of the caller's span; without one, resends are children of the first
 * attempt so the call stays one trace.
 *
 * <p>The first attempt's span starts when the call starts, so a call that fails to connect (no
 * request reaches the wire) still has a span covering the connection attempt. While the call runs
 * that span's context is current: an instrumented client on top (or a decorating client below)
 * starts no second CLIENT span.
 */
final class LogicalCall {

  static final Instrumenter<ApacheHttpRequest, HttpResponse> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(ApacheHttpClient4Module.NAME),
          new ApacheHttpClient4AttributesGetter(),
          PropagationHeaderSetter.INSTANCE);

  private static final ContextKey<LogicalCall> KEY = ContextKey.named("vireo-apache-httpclient-4-call");

  private final Context parent;
  final Context firstAttempt;
  final ApacheHttpRequest firstRequest;
  private Scope scope;
  private boolean firstAttemptEnded;
  private int attempts;

  private LogicalCall(Context parent, Context firstAttempt, ApacheHttpRequest firstRequest) {
    this.parent = parent;
    this.firstAttempt = firstAttempt;
    this.firstRequest = firstRequest;
  }

  static LogicalCall in(Context context) {
    return context.get(KEY);
  }

  /** The call, or null when no span is wanted (disabled, or inside another HTTP client span). */
  static Object start(HttpHost target, HttpRequest request) {
    try {
      Context parent = Context.current();
      if (request == null || in(parent) != null) {
        return null;
      }
      ApacheHttpRequest first = new ApacheHttpRequest(target, request, 0);
      if (!INSTRUMENTER.shouldStart(parent, first)) {
        return null;
      }
      LogicalCall call = new LogicalCall(parent, INSTRUMENTER.start(parent, first), first);
      call.scope = call.firstAttempt.with(KEY, call).makeCurrent();
      return call;
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-4: span not started: {}", e.toString());
      return null;
    }
  }

  static void end(Object started, HttpResponse response, Throwable thrown) {
    if (!(started instanceof LogicalCall)) {
      return;
    }
    LogicalCall call = (LogicalCall) started;
    call.scope.close();
    // still open when nothing reached the wire (connection failure) or HttpClient's executor was bypassed
    call.endFirstAttempt(response, thrown);
  }

  /** Counts a request reaching the wire; 0 for the first. */
  int nextAttempt() {
    return attempts++;
  }

  /**
   * The parent of a resend's span: the caller's span when there is one (all attempts are siblings);
   * otherwise the first attempt's span, so that a call made outside any trace still is one trace.
   */
  Context resendParent() {
    return Span.fromContext(parent).getSpanContext().isValid() ? parent : firstAttempt;
  }

  void endFirstAttempt(HttpResponse response, Throwable error) {
    if (!firstAttemptEnded) {
      firstAttemptEnded = true;
      endSpan(firstAttempt, firstRequest, response, error);
    }
  }

  /** Ends a span; a failure here must never reach the application's call. */
  static void endSpan(Context context, ApacheHttpRequest request, HttpResponse response, Throwable error) {
    try {
      INSTRUMENTER.end(context, request, response, error);
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-4: span not ended: {}", e.toString());
    }
  }
}
