package dev.vireo.instrumentation.springwebmvc.javax;

import dev.vireo.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.context.Context;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;

/**
 * The route of a request Spring's {@code DispatcherServlet} dispatched: the context path, the
 * dispatcher's servlet path when it is mapped to a path ({@code /api/*}), then the pattern of the
 * handler mapping that matched ({@code /orders/{orderId}}, a router function's pattern, an Actuator
 * endpoint's). No handler (a 404) means no route: the servlet mapping of the dispatcher ({@code /*})
 * says nothing about the request. Only the request's own dispatch decides: a forward, include or
 * the error page dispatch after it keep the route of the original request.
 */
final class SpringRoutes {

  /** {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE} (a String, or a PathPattern). */
  static final String BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private SpringRoutes() {}

  static void onHandlerLookup(HttpServletRequest request, Object handler) {
    DispatcherType type = request.getDispatcherType();
    if (type != DispatcherType.REQUEST && type != DispatcherType.ASYNC) {
      return;
    }
    Context context = Context.current();
    if (handler == null) {
      HttpServerRoute.clear(context);
      return;
    }
    Object pattern = request.getAttribute(BEST_MATCHING_PATTERN);
    if (pattern != null) {
      HttpServerRoute.update(context, prefix(request) + pattern);
    }
  }

  /** Spring matches patterns against the path within the servlet mapping. */
  private static String prefix(HttpServletRequest request) {
    String contextPath = request.getContextPath();
    String prefix = contextPath == null ? "" : contextPath;
    if (request.getPathInfo() != null) {
      String servletPath = request.getServletPath();
      if (servletPath != null) {
        prefix = prefix + servletPath;
      }
    }
    return prefix;
  }
}
