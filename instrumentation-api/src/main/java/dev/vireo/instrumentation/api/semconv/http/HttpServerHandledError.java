package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.OperationListener;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * An exception that a framework inside the server caught and turned into a response (an exception
 * handler, an error view), so that it never reaches the server instrumentation. When the response
 * is a 5xx, the SERVER span records it as its {@code exception} event (and is ERROR, as for every
 * 5xx); for a 4xx it is the client's problem and nothing is recorded.
 */
public final class HttpServerHandledError {

  private static final ContextKey<HttpServerHandledError> KEY = ContextKey.named("vireo-http-server-handled-error");

  /** Puts an empty holder into each SERVER span's context. */
  static final OperationListener INSTALLER =
      new OperationListener() {
        @Override
        public Context onStart(Context context, Attributes startAttributes, long startNanos) {
          return context.with(KEY, new HttpServerHandledError());
        }

        @Override
        public void onEnd(Context context, Attributes endAttributes, long endNanos) {}
      };

  private volatile Throwable error;

  private HttpServerHandledError() {}

  /**
   * Remembers {@code error} for the SERVER span open in {@code context}; the last one handled wins.
   * Does nothing outside a SERVER span.
   */
  public static void record(Context context, Throwable error) {
    HttpServerHandledError holder = context == null ? null : context.get(KEY);
    if (holder != null && error != null) {
      holder.error = error;
    }
  }

  /** The exception handled during the request of the SERVER span in {@code context}, or null. */
  static Throwable get(Context context) {
    HttpServerHandledError holder = context.get(KEY);
    return holder == null ? null : holder.error;
  }
}
