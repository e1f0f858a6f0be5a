package dev.vireo.instrumentation.servlet.common;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.semconv.http.HttpServerInstrumenters;
import dev.vireo.instrumentation.api.semconv.http.TraceResponseHeader;
import io.opentelemetry.context.Context;

/**
 * One SERVER span per HTTP request, for one servlet namespace. The outermost filter or servlet call
 * of the request's first dispatch starts it; calls nested in it (the rest of the filter chain,
 * forwards, includes) find the server span in the current context and do nothing; later dispatches
 * of the same request (async dispatch) find it in a request attribute and only make it current. It
 * ends when that first call returns, or, when the request went async, when the async cycle
 * completes.
 */
public final class ServletRequestSpans<REQUEST, RESPONSE> {

  /** Request attribute holding the {@link ServerRequest} (survives forwards and async dispatches). */
  static final String STATE_ATTRIBUTE = ServerRequest.class.getName();

  private final ServletApi<REQUEST, RESPONSE> api;
  private final Instrumenter<REQUEST, RESPONSE> instrumenter;

  /** {@code moduleName}: the instrumentation module's name, which also names the tracer scope. */
  public ServletRequestSpans(String moduleName, ServletApi<REQUEST, RESPONSE> api) {
    this.api = api;
    ServletAttributesGetter<REQUEST, RESPONSE> getter = new ServletAttributesGetter<>(api);
    this.instrumenter = HttpServerInstrumenters.create(InstrumentationScope.of(moduleName), getter, getter);
  }

  /** Enter advice of {@code Servlet.service} / {@code Filter.doFilter}: the state for {@link #exit}, or null. */
  public Object enter(Object req, Object res) {
    REQUEST request = api.httpRequest(req);
    RESPONSE response = api.httpResponse(res);
    if (request == null || response == null) {
      return null;
    }
    Context current = Context.current();
    if (SpanFamily.HTTP_SERVER.isActiveIn(current)) {
      return null; // nested in this request's span: filter chain, forward, include
    }
    Object known = api.attribute(request, STATE_ATTRIBUTE);
    if (known instanceof ServerRequest) {
      ServerRequest state = (ServerRequest) known;
      return state.ended ? null : state.resume();
    }
    if (!instrumenter.shouldStart(current, request)) {
      return null;
    }
    Context context = instrumenter.start(current, request);
    ServerRequest state = new ServerRequest(context);
    api.setAttribute(request, STATE_ATTRIBUTE, state);
    if (TraceResponseHeader.enabled()) {
      String value = TraceResponseHeader.value(context);
      if (value != null) {
        api.setHeader(response, TraceResponseHeader.NAME, value);
      }
    }
    return state.resume();
  }

  public void exit(Object req, Object res, Object enterState, Throwable thrown) {
    if (!(enterState instanceof ServerRequest)) {
      return;
    }
    ServerRequest state = (ServerRequest) enterState;
    state.suspend(); // always: nothing of this request may stay current on the container's thread
    REQUEST request = api.httpRequest(req);
    RESPONSE response = api.httpResponse(res);
    if (thrown != null) {
      state.error = api.applicationError(thrown);
    }
    if (state.completionListenerAdded) {
      return; // an async cycle is running or the container is completing it: the listener ends the span
    }
    if (api.isAsyncStarted(request)) {
      try {
        api.onAsyncCompletion(request, new RequestCompletion<>(this, state, request, response));
        state.completionListenerAdded = true;
        return;
      } catch (IllegalStateException completedMeanwhile) {
        // fall through: end now
      }
    }
    end(state, request, response);
  }

  void end(ServerRequest state, REQUEST request, RESPONSE response) {
    if (state.ended) {
      return;
    }
    state.ended = true;
    instrumenter.end(state.context, request, response, state.error);
  }
}
