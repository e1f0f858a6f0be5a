package dev.vireo.instrumentation.servlet.jakarta;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.semconv.http.HttpServerInstrumenters;
import dev.vireo.instrumentation.api.semconv.http.TraceResponseHeader;
import io.opentelemetry.context.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One SERVER span per HTTP request. The outermost filter or servlet call of the request's first
 * dispatch starts it; calls nested in it (the rest of the filter chain, forwards, includes) find the
 * server span in the current context and do nothing; later dispatches of the same request (async
 * dispatch) find it in a request attribute and only make it current. It ends when that first call
 * returns, or, when the request went async, when the async cycle completes.
 */
final class ServletRequestSpans {

  static final Instrumenter<HttpServletRequest, HttpServletResponse> INSTRUMENTER =
      HttpServerInstrumenters.create(
          "dev.vireo.servlet-jakarta", ServletRequestAttributes.INSTANCE, ServletRequestAttributes.INSTANCE);

  /** Request attribute holding the {@link ServerRequest} (survives forwards and async dispatches). */
  static final String STATE_ATTRIBUTE = ServerRequest.class.getName();

  private ServletRequestSpans() {}

  static Object enter(ServletRequest req, ServletResponse res) {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      return null;
    }
    Context current = Context.current();
    if (SpanFamily.HTTP_SERVER.isActiveIn(current)) {
      return null; // nested in this request's span: filter chain, forward, include
    }
    HttpServletRequest request = (HttpServletRequest) req;
    Object known = request.getAttribute(STATE_ATTRIBUTE);
    if (known instanceof ServerRequest) {
      ServerRequest state = (ServerRequest) known;
      return state.ended ? null : state.resume();
    }
    if (!INSTRUMENTER.shouldStart(current, request)) {
      return null;
    }
    Context context = INSTRUMENTER.start(current, request);
    ServerRequest state = new ServerRequest(context);
    request.setAttribute(STATE_ATTRIBUTE, state);
    if (TraceResponseHeader.enabled()) {
      String value = TraceResponseHeader.value(context);
      if (value != null) {
        ((HttpServletResponse) res).setHeader(TraceResponseHeader.NAME, value);
      }
    }
    return state.resume();
  }

  static void exit(ServletRequest req, ServletResponse res, Object enterState, Throwable thrown) {
    if (!(enterState instanceof ServerRequest)) {
      return;
    }
    ServerRequest state = (ServerRequest) enterState;
    state.suspend(); // always: nothing of this request may stay current on the container's thread
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (thrown != null) {
      state.error = causeOf(thrown);
    }
    if (state.completionListenerAdded) {
      return; // an async cycle is running or the container is completing it: the listener ends the span
    }
    if (request.isAsyncStarted()) {
      try {
        AsyncContext asyncContext = request.getAsyncContext();
        asyncContext.addListener(new RequestCompletionListener(state, request, response));
        state.completionListenerAdded = true;
        return;
      } catch (IllegalStateException completedMeanwhile) {
        // fall through: end now
      }
    }
    end(state, request, response);
  }

  /**
   * A framework servlet wraps what its handler threw into a ServletException (Spring's "Request
   * processing failed"); the span names the exception the application threw.
   */
  private static Throwable causeOf(Throwable thrown) {
    if (thrown instanceof ServletException && thrown.getCause() != null) {
      return thrown.getCause();
    }
    return thrown;
  }

  static void end(ServerRequest state, HttpServletRequest request, HttpServletResponse response) {
    if (state.ended) {
      return;
    }
    state.ended = true;
    INSTRUMENTER.end(state.context, request, response, state.error);
  }
}
