package dev.vireo.instrumentation.servlet.jakarta;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Ends the SERVER span of an async request when its async cycle completes (after timeouts and errors too). */
final class RequestCompletionListener implements AsyncListener {

  private final ServerRequest state;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  RequestCompletionListener(ServerRequest state, HttpServletRequest request, HttpServletResponse response) {
    this.state = state;
    this.request = request;
    this.response = response;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    ServletRequestSpans.end(state, request, response);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // The container answers the timeout (500 unless the application does) and then completes.
  }

  @Override
  public void onError(AsyncEvent event) {
    if (event.getThrowable() != null) {
      state.error = event.getThrowable();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // A new async cycle of the same request: containers drop the listeners of the previous one.
    if (event.getAsyncContext() != null) {
      event.getAsyncContext().addListener(this);
    }
  }
}
