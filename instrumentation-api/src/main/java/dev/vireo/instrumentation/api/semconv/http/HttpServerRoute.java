package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.ContextCustomizer;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The route of the HTTP request being served: known at the start when the server's own routing
 * already decided it (a servlet mapping), or set later by a framework that routes inside the
 * server ({@link #update}, {@link #clear}). The SERVER span's name ({@code {method} {route}}), its
 * {@code http.route} and the duration metric all follow the latest value: {@code http.route} is
 * written when the span ends, so that a framework can still take back a route the server guessed.
 */
public final class HttpServerRoute {

  private static final ContextKey<HttpServerRoute> KEY = ContextKey.named("vireo-http-server-route");

  /**
   * Puts a route holder into each SERVER span's context. Its first route is the server's own, read
   * once by the span name ({@link HttpServerSpanNames}): the holder takes it back out of that name
   * only when asked, so a request whose route a framework replaces never derives it at all.
   */
  static <REQUEST> ContextCustomizer<REQUEST> installer() {
    return (context, request, startAttributes, spanName) ->
        context.with(
            KEY,
            new HttpServerRoute(
                HttpMethods.spanNameOfNormalized(startAttributes.get(HttpAttributes.HTTP_REQUEST_METHOD)),
                spanName));
  }

  /** Marks a route still to be read from the start name; compared by identity. */
  private static final String FROM_START_NAME = new String("from the start name");

  private final String spanNameMethod;
  private final String startName;
  private volatile String route = FROM_START_NAME;

  private HttpServerRoute(String spanNameMethod, String startName) {
    this.spanNameMethod = spanNameMethod;
    this.startName = startName;
  }

  /** The route in a start name {@code {method} {route}}; null when the name is the method alone. */
  private String routeOfStartName() {
    int methodEnd = spanNameMethod.length();
    return startName != null && startName.length() > methodEnd + 1 && startName.startsWith(spanNameMethod)
        ? startName.substring(methodEnd + 1)
        : null;
  }

  /**
   * Sets the route of the SERVER span open in {@code context} (e.g. {@code /users/{id}}); does nothing
   * when there is none or the route is empty. Never pass a raw path.
   */
  public static void update(Context context, String route) {
    if (context == null || route == null || route.isEmpty()) {
      return;
    }
    HttpServerRoute holder = context.get(KEY);
    Span span = SpanFamily.HTTP_SERVER.current(context);
    if (holder == null || span == null) {
      return;
    }
    holder.route = route;
    span.updateName(spanName(holder.spanNameMethod, route));
    span.setAttribute(HttpAttributes.HTTP_ROUTE, route);
  }

  /**
   * Takes back the route of the SERVER span open in {@code context}: a framework that routes inside
   * the server found no handler (a 404), so the server's own mapping (a catch-all such as
   * {@code /*}) is not the route either. The span is then named by the method alone.
   */
  public static void clear(Context context) {
    HttpServerRoute holder = context == null ? null : context.get(KEY);
    Span span = SpanFamily.HTTP_SERVER.current(context);
    if (holder == null || span == null) {
      return;
    }
    holder.route = null;
    span.updateName(holder.spanNameMethod);
  }

  /** The current route of the SERVER span in {@code context}, or null. */
  public static String get(Context context) {
    HttpServerRoute holder = context == null ? null : context.get(KEY);
    if (holder == null) {
      return null;
    }
    String route = holder.route;
    if (route == FROM_START_NAME) {
      route = holder.routeOfStartName();
      holder.route = route;
    }
    return route;
  }

  /** {@code {method} {route}}, or the method alone; {@code method} as {@link #spanNameOf} gives it. */
  private static String spanName(String method, String route) {
    return route == null || route.isEmpty() ? method : method + ' ' + route;
  }

  /**
   * The SERVER span's name: {@code {method} {route}}, or the method alone (or {@code HTTP} for an
   * unknown method), the method as normalised once in the start attributes.
   */
  static String spanNameOf(Attributes startAttributes, String route) {
    return spanName(
        HttpMethods.spanNameOfNormalized(startAttributes.get(HttpAttributes.HTTP_REQUEST_METHOD)), route);
  }
}
