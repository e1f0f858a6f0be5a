package dev.vireo.instrumentation.jettyhttpclient;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * The application's completion callback, run in the context that called {@code send}: Jetty calls
 * it on one of its own threads. A full {@code Response.Listener} (it also gets the head and the
 * content) is left as it is, since Jetty treats it by what it implements.
 */
final class CallerContextListener implements Response.CompleteListener {

  private final Response.CompleteListener delegate;
  private final Context caller;

  private CallerContextListener(Response.CompleteListener delegate, Context caller) {
    this.delegate = delegate;
    this.caller = caller;
  }

  static Response.CompleteListener wrap(Response.CompleteListener listener) {
    if (listener == null || listener instanceof Response.Listener || listener instanceof CallerContextListener) {
      return listener;
    }
    return new CallerContextListener(listener, Context.current());
  }

  @Override
  public void onComplete(Result result) {
    try (Scope ignored = caller.makeCurrent()) {
      delegate.onComplete(result);
    }
  }
}
