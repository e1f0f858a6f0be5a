package dev.vireo.instrumentation.servlet.common;

import java.util.Collection;
import java.util.Enumeration;

/**
 * What the servlet core needs of one servlet namespace ({@code javax.servlet} or {@code
 * jakarta.servlet}): the two API sets differ only in package, so each namespace implements this
 * with one-line calls and everything else is written once, here.
 */
public interface ServletApi<REQUEST, RESPONSE> {

  /** The request as the namespace's {@code HttpServletRequest}, or null when it is not one. */
  REQUEST httpRequest(Object request);

  /** The response as the namespace's {@code HttpServletResponse}, or null when it is not one. */
  RESPONSE httpResponse(Object response);

  String method(REQUEST request);

  String scheme(REQUEST request);

  String requestUri(REQUEST request);

  String queryString(REQUEST request);

  String protocol(REQUEST request);

  String serverName(REQUEST request);

  int serverPort(REQUEST request);

  String remoteAddr(REQUEST request);

  int remotePort(REQUEST request);

  /** {@code http.route} from the servlet mapping that matched, or null. */
  String route(REQUEST request);

  Enumeration<String> headers(REQUEST request, String name);

  Enumeration<String> headerNames(REQUEST request);

  String header(REQUEST request, String name);

  Object attribute(REQUEST request, String name);

  void setAttribute(REQUEST request, String name, Object value);

  boolean isAsyncStarted(REQUEST request);

  /**
   * Calls {@link RequestCompletion#complete()} when the request's async cycle completes (and {@link
   * RequestCompletion#failed} on an async error). Throws IllegalStateException when it completed
   * meanwhile.
   */
  void onAsyncCompletion(REQUEST request, RequestCompletion<REQUEST, RESPONSE> completion);

  int status(RESPONSE response);

  boolean isCommitted(RESPONSE response);

  Collection<String> responseHeaders(RESPONSE response, String name);

  void setHeader(RESPONSE response, String name, String value);

  /**
   * What the application threw: a framework servlet wraps its handler's exception into a
   * ServletException (Spring's "Request processing failed"); the span names the wrapped one.
   */
  Throwable applicationError(Throwable thrown);
}
