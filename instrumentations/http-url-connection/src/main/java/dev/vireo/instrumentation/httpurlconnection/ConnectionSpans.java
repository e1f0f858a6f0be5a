package dev.vireo.instrumentation.httpurlconnection;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.HttpURLConnection;

/**
 * The span of one HttpURLConnection request spans several calls: it starts at the first of
 * connect/getOutputStream/getInputStream/getResponseCode (headers are injected then, before the
 * request is written) and ends when the response status is known or the request failed. While one of
 * these calls runs, the span's context is current, so a nested connection (https delegating to
 * http) or a library on top of this one yields no second CLIENT span.
 */
final class ConnectionSpans {

  static final Instrumenter<HttpURLConnection, Integer> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(HttpUrlConnectionModule.NAME), new HttpUrlConnectionAttributesGetter(), RequestPropertySetter.INSTANCE);

  private static final VirtualField<HttpURLConnection, State> STATE = VirtualField.create();

  private ConnectionSpans() {}

  static Object enter(HttpURLConnection connection, boolean connected) {
    State state = STATE.get(connection);
    if (state == null) {
      if (connected) {
        return null; // connected before we saw it: too late to inject, nothing to measure
      }
      Context parent = Context.current();
      if (!INSTRUMENTER.shouldStart(parent, connection)) {
        return null;
      }
      state = new State(INSTRUMENTER.start(parent, connection));
      STATE.set(connection, state);
    } else if (state.ended) {
      return null;
    }
    if (state.depth++ == 0) {
      state.scope = state.context.makeCurrent();
    }
    return state;
  }

  static void exit(HttpURLConnection connection, Object enterState, Throwable thrown, String method, int responseCode) {
    if (!(enterState instanceof State)) {
      return;
    }
    State state = (State) enterState;
    if (--state.depth > 0) {
      return; // the outer call decides
    }
    if (state.scope != null) {
      state.scope.close();
      state.scope = null;
    }
    boolean responseRead = method.equals("getInputStream") || method.equals("getResponseCode");
    if (thrown == null && !responseRead) {
      return; // connected or body being written: the response comes later
    }
    state.ended = true;
    Integer status = responseCode > 0 ? responseCode : null;
    if (status == null && thrown == null) {
      status = statusOf(connection);
    }
    if (status != null && status >= 400) {
      // HttpURLConnection signals an error status with an exception (which getResponseCode swallows);
      // the status already says it all, as for every other client: no exception event.
      thrown = null;
    }
    INSTRUMENTER.end(state.context, connection, status, thrown);
  }

  private static Integer statusOf(HttpURLConnection connection) {
    try {
      int code = connection.getResponseCode(); // already read: returns the cached code
      return code > 0 ? code : null;
    } catch (Exception e) {
      return null;
    }
  }

  static final class State {
    final Context context;
    Scope scope;
    int depth;
    boolean ended;

    State(Context context) {
      this.context = context;
    }
  }
}
