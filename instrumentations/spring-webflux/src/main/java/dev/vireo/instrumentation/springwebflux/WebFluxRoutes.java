package dev.vireo.instrumentation.springwebflux;

import dev.vireo.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.context.Context;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Sets the matched pattern as the route of the current SERVER span. The handler is invoked in the
 * reactive chain the server subscribed with its span current, so that span is current here.
 */
final class WebFluxRoutes {

  private WebFluxRoutes() {}

  static void update(ServerWebExchange exchange) {
    Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null) {
      return;
    }
    String route = pattern instanceof PathPattern ? ((PathPattern) pattern).getPatternString() : pattern.toString();
    // patterns are matched within the application: the route is the path the client sees
    String contextPath = exchange.getRequest().getPath().contextPath().value();
    HttpServerRoute.update(Context.current(), contextPath.isEmpty() ? route : contextPath + route);
  }
}
