package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.OperationListener;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The route of the HTTP request being served: known at the start when the server's own routing
 * already decided it (a servlet mapping), or set later by a framework that routes inside the
 * server ({@link #update}). The SERVER span's name ({@code {method} {route}}), its {@code http.route}
 * and the duration metric all follow the latest value.
 */
public final class HttpServerRoute {

  private static final ContextKey<HttpServerRoute> KEY = ContextKey.named("vireo-http-server-route");

  /** Puts a route holder into each SERVER span's context. */
  static final OperationListener INSTALLER =
      new OperationListener() {
        @Override
        public Context onStart(Context context, Attributes startAttributes, long startNanos) {
          String method = startAttributes.get(HttpAttributes.HTTP_REQUEST_METHOD);
          return context.with(
              KEY,
              new HttpServerRoute(
                  HttpMethods.spanNameOfNormalized(method), startAttributes.get(HttpAttributes.HTTP_ROUTE)));
        }

        @Override
        public void onEnd(Context context, Attributes endAttributes, long endNanos) {}
      };

  private final String spanNameMethod;
  private volatile String route;

  private HttpServerRoute(String spanNameMethod, String route) {
    this.spanNameMethod = spanNameMethod;
    this.route = route;
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

  /** The current route of the SERVER span in {@code context}, or null. */
  public static String get(Context context) {
    HttpServerRoute holder = context == null ? null : context.get(KEY);
    return holder == null ? null : holder.route;
  }

  /** {@code {method} {route}}, or the method alone; {@code method} as {@link #spanNameOf} gives it. */
  private static String spanName(String method, String route) {
    return route == null || route.isEmpty() ? method : method + ' ' + route;
  }

  /**
   * The SERVER span's name from its start attributes, where the method was normalised and the route
   * read once: {@code {method} {route}}, or the method alone (or {@code HTTP} for an unknown method).
   */
  static String spanNameOf(Attributes startAttributes) {
    return spanName(
        HttpMethods.spanNameOfNormalized(startAttributes.get(HttpAttributes.HTTP_REQUEST_METHOD)),
        startAttributes.get(HttpAttributes.HTTP_ROUTE));
  }
}
