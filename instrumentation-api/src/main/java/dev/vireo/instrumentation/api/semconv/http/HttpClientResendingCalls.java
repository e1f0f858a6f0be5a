package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.Instrumenter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.function.Supplier;

/**
 * The {@link HttpClientResendingCall}s of one HTTP client module: its Instrumenter and the context
 * key under which its running call is found. A module keeps one in a constant; calls of other
 * modules are never seen through it.
 */
public final class HttpClientResendingCalls<REQUEST, RESPONSE> {

  private final String moduleName;
  final Instrumenter<REQUEST, RESPONSE> instrumenter;
  final ContextKey<HttpClientResendingCall<REQUEST, RESPONSE>> key;

  private HttpClientResendingCalls(String moduleName, Instrumenter<REQUEST, RESPONSE> instrumenter) {
    this.moduleName = moduleName;
    this.instrumenter = instrumenter;
    this.key = ContextKey.named("vireo-" + moduleName + "-call");
  }

  /**
   * @param moduleName the module's name, for the key and the debug log
   * @param instrumenter the module's {@link HttpClientInstrumenters#create} instrumenter
   */
  public static <REQUEST, RESPONSE> HttpClientResendingCalls<REQUEST, RESPONSE> create(
      String moduleName, Instrumenter<REQUEST, RESPONSE> instrumenter) {
    return new HttpClientResendingCalls<>(moduleName, instrumenter);
  }

  /** The call of this module running in {@code context}, or null. */
  public HttpClientResendingCall<REQUEST, RESPONSE> in(Context context) {
    return context.get(key);
  }

  /**
   * Starts a call: the first attempt's span starts now and its context (with the call) is current
   * until {@link #end}. Null when no span is wanted: disabled, already inside a call of this module
   * or inside another HTTP client span.
   *
   * @param firstRequest the module's request for the first attempt (resend count 0); not built
   *     inside a call of this module
   */
  public HttpClientResendingCall<REQUEST, RESPONSE> start(Context parent, Supplier<REQUEST> firstRequest) {
    try {
      if (in(parent) != null) {
        return null;
      }
      REQUEST first = firstRequest.get();
      if (!instrumenter.shouldStart(parent, first)) {
        return null;
      }
      return HttpClientResendingCall.start(this, parent, instrumenter.start(parent, first), first);
    } catch (RuntimeException e) {
      debug("span not started", e);
      return null;
    }
  }

  /** Ends what {@link #start} returned (advice hands it back as an Object; null or anything else is ignored). */
  public void end(Object started, RESPONSE response, Throwable error) {
    if (started instanceof HttpClientResendingCall) {
      HttpClientResendingCall<?, ?> call = (HttpClientResendingCall<?, ?>) started;
      if (call.calls == this) {
        @SuppressWarnings("unchecked") // the same calls object started it
        HttpClientResendingCall<REQUEST, RESPONSE> ours = (HttpClientResendingCall<REQUEST, RESPONSE>) call;
        ours.end(response, error);
      }
    }
  }

  /** Ends what {@link HttpClientResendingCall#startAttempt} returned; null or anything else is ignored. */
  public void endAttempt(Object started, RESPONSE response, Throwable error) {
    if (started instanceof HttpClientResendingCall.Attempt) {
      HttpClientResendingCall.Attempt<?, ?> attempt = (HttpClientResendingCall.Attempt<?, ?>) started;
      if (attempt.call.calls == this) {
        @SuppressWarnings("unchecked") // a call of these calls started it
        HttpClientResendingCall.Attempt<REQUEST, RESPONSE> ours = (HttpClientResendingCall.Attempt<REQUEST, RESPONSE>) attempt;
        ours.end(response, error);
      }
    }
  }

  /** Ends a span of this module's instrumenter; a failure here must never reach the application's call. */
  public void endSpan(Context context, REQUEST request, RESPONSE response, Throwable error) {
    try {
      instrumenter.end(context, request, response, error);
    } catch (RuntimeException e) {
      debug("span not ended", e);
    }
  }

  void debug(String what, RuntimeException e) {
    AgentLog.debug("{}: {}: {}", moduleName, what, e.toString());
  }
}
