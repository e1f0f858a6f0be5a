package dev.vireo.instrumentation.api.semconv.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One application call of an HTTP client that may put several requests on the wire (redirects,
 * retries, authentication challenges answered inside the call). Following the HTTP client
 * conventions, each request on the wire is a CLIENT span; resends carry
 * {@code http.request.resend_count} (1, 2, ...). All attempts are children of the caller's span;
 * without one, resends are children of the first attempt so the call stays one trace.
 *
 * <p>The first attempt's span starts when the call starts ({@link HttpClientResendingCalls#start}),
 * so a call that fails to connect (no request reaches the wire) still has a span covering the
 * connection attempt. While the call runs that span's context is current: an instrumented client on
 * top (or a decorating client below) starts no second CLIENT span. The module reports each request
 * on the wire with {@link #startAttempt}; whatever it did not report (nothing reached the wire, the
 * library's wire layer was bypassed), the first attempt's span ends with the call.
 *
 * <p>Used on the application's calling thread only (the library's synchronous API).
 */
public final class HttpClientResendingCall<REQUEST, RESPONSE> {

  final HttpClientResendingCalls<REQUEST, RESPONSE> calls;
  private final Context parent;
  private final Context firstAttempt;
  private final REQUEST firstRequest;
  private Scope scope;
  private boolean firstAttemptEnded;
  private int attempts;

  private HttpClientResendingCall(
      HttpClientResendingCalls<REQUEST, RESPONSE> calls, Context parent, Context firstAttempt, REQUEST firstRequest) {
    this.calls = calls;
    this.parent = parent;
    this.firstAttempt = firstAttempt;
    this.firstRequest = firstRequest;
  }

  static <REQUEST, RESPONSE> HttpClientResendingCall<REQUEST, RESPONSE> start(
      HttpClientResendingCalls<REQUEST, RESPONSE> calls, Context parent, Context firstAttempt, REQUEST firstRequest) {
    HttpClientResendingCall<REQUEST, RESPONSE> call = new HttpClientResendingCall<>(calls, parent, firstAttempt, firstRequest);
    call.scope = firstAttempt.with(calls.key, call).makeCurrent();
    return call;
  }

  /**
   * A request reaching the wire: the first uses the first attempt's span, each later one (a resend)
   * gets a span of its own, current until {@link Attempt#end}. Null if that failed.
   *
   * @param resendRequest the module's request for a resend, given its resend count (1, 2, ...)
   * @param injectHeaders writes the propagation headers the setter collected for the attempt's
   *     request onto the request on the wire
   */
  public Attempt<REQUEST, RESPONSE> startAttempt(
      IntFunction<REQUEST> resendRequest, Consumer<? super REQUEST> injectHeaders) {
    try {
      int resendCount = attempts++;
      if (resendCount == 0) {
        injectHeaders.accept(firstRequest);
        return new Attempt<>(this, firstAttempt, null);
      }
      REQUEST resend = resendRequest.apply(resendCount);
      Context context = calls.instrumenter.start(resendParent(), resend);
      injectHeaders.accept(resend);
      return new Attempt<>(this, context, resend);
    } catch (RuntimeException e) {
      calls.debug("attempt not traced", e);
      return null;
    }
  }

  private Context resendParent() {
    return resendParent(parent, firstAttempt);
  }

  /**
   * The parent of a resend's span: the caller's span when there is one (all attempts are siblings);
   * otherwise the first attempt's span, so that a call made outside any trace still is one trace.
   * Public for modules whose client puts resends on the wire from its own threads (they keep the
   * call on a library object instead of in this class; see instrumentations/jetty-httpclient).
   *
   * @param caller the context the application made the call in
   * @param firstAttempt the context of the first attempt's span
   */
  public static Context resendParent(Context caller, Context firstAttempt) {
    return Span.fromContext(caller).getSpanContext().isValid() ? caller : firstAttempt;
  }

  void end(RESPONSE response, Throwable error) {
    scope.close();
    // still open when nothing reached the wire (connection failure) or the library's wire layer was bypassed
    endFirstAttempt(response, error);
  }

  private void endFirstAttempt(RESPONSE response, Throwable error) {
    if (!firstAttemptEnded) {
      firstAttemptEnded = true;
      calls.endSpan(firstAttempt, firstRequest, response, error);
    }
  }

  /**
   * One request on the wire. The first ends the first attempt's span with its response; a resend
   * ends its own span. Ends when the response head arrives or the exchange fails.
   */
  public static final class Attempt<REQUEST, RESPONSE> {

    final HttpClientResendingCall<REQUEST, RESPONSE> call;
    private final Context context;
    private final REQUEST resend; // null for the first attempt
    private final Scope scope;

    private Attempt(HttpClientResendingCall<REQUEST, RESPONSE> call, Context context, REQUEST resend) {
      this.call = call;
      this.context = context;
      this.resend = resend;
      this.scope = context.makeCurrent();
    }

    void end(RESPONSE response, Throwable error) {
      scope.close();
      if (resend == null) {
        call.endFirstAttempt(response, error);
      } else {
        call.calls.endSpan(context, resend, response, error);
      }
    }
  }
}
