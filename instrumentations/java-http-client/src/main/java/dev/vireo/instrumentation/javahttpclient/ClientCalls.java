package dev.vireo.instrumentation.javahttpclient;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The span of one {@code send}/{@code sendAsync}: one span per application call; redirects and
 * retries the JDK performs inside the call are not visible as separate requests, so they stay in
 * that span (the propagation headers travel with them). While the JDK's method runs, the span's
 * context is current: {@code send} and the two-argument {@code sendAsync} delegate internally, and
 * the nested call starts no second span.
 */
final class ClientCalls {

  static final Instrumenter<TracedHttpRequest, HttpResponse<?>> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(JavaHttpClientModule.NAME), new JavaHttpClientAttributesGetter(), PropagationHeaderSetter.INSTANCE);

  /** The JDK's own request type, passed in by the JDK itself (WebSocket handshakes): left alone. */
  private static final String JDK_INTERNAL_REQUEST = "jdk.internal.net.http.HttpRequestImpl";

  private ClientCalls() {}

  /** {request to pass on, Call or null}; never null, so the argument assignment is always valid. */
  static Object[] start(HttpRequest request) {
    Object[] result = {request, null};
    try {
      if (request == null || request.getClass().getName().equals(JDK_INTERNAL_REQUEST)) {
        return result;
      }
      Context parent = Context.current();
      TracedHttpRequest traced = new TracedHttpRequest(request);
      if (!INSTRUMENTER.shouldStart(parent, traced)) {
        return result;
      }
      Context context = INSTRUMENTER.start(parent, traced);
      result[1] = new Call(parent, context, traced, context.makeCurrent());
      result[0] = traced;
    } catch (Throwable t) {
      AgentLog.debug("java-http-client: span not started: {}", t.toString());
    }
    return result;
  }

  static void endSend(Object[] started, HttpResponse<?> response, Throwable thrown) {
    Call call = callOf(started);
    if (call != null) {
      call.scope.close();
      INSTRUMENTER.end(call.context, call.request, response, thrown);
    }
  }

  /** The future the application gets: the JDK's own when no span was started. */
  static Object endAsync(Object[] started, CompletableFuture<?> future, Throwable thrown) {
    Call call = callOf(started);
    if (call == null) {
      return future;
    }
    call.scope.close();
    if (thrown != null || future == null) {
      INSTRUMENTER.end(call.context, call.request, null, thrown);
      return future;
    }
    try {
      ContextRestoringFuture<Object> restoring = new ContextRestoringFuture<>(future);
      future.whenComplete((response, error) -> call.complete(restoring, response, error));
      return restoring;
    } catch (Throwable t) {
      AgentLog.debug("java-http-client: future not wrapped: {}", t.toString());
      return future;
    }
  }

  private static Call callOf(Object[] started) {
    return started != null && started.length > 1 && started[1] instanceof Call ? (Call) started[1] : null;
  }

  private static final class Call {
    final Context parent;
    final Context context;
    final TracedHttpRequest request;
    final Scope scope;

    Call(Context parent, Context context, TracedHttpRequest request, Scope scope) {
      this.parent = parent;
      this.context = context;
      this.request = request;
      this.scope = scope;
    }

    void complete(CompletableFuture<Object> restoring, Object response, Throwable error) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      try {
        INSTRUMENTER.end(context, request, response instanceof HttpResponse ? (HttpResponse<?>) response : null, cause);
      } catch (Throwable t) {
        AgentLog.debug("java-http-client: span not ended: {}", t.toString());
      }
      try (Scope ignored = parent.makeCurrent()) {
        if (error != null) {
          restoring.completeExceptionally(error);
        } else {
          restoring.complete(response);
        }
      }
    }
  }
}
