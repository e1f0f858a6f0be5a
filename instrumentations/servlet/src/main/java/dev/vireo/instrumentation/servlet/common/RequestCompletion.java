package dev.vireo.instrumentation.servlet.common;

/** Ends the SERVER span of an async request when its async cycle completes (after timeouts and errors too). */
public final class RequestCompletion<REQUEST, RESPONSE> {

  private final ServletRequestSpans<REQUEST, RESPONSE> spans;
  private final ServerRequest state;
  private final REQUEST request;
  private final RESPONSE response;

  RequestCompletion(
      ServletRequestSpans<REQUEST, RESPONSE> spans, ServerRequest state, REQUEST request, RESPONSE response) {
    this.spans = spans;
    this.state = state;
    this.request = request;
    this.response = response;
  }

  public void complete() {
    spans.end(state, request, response);
  }

  /** An async error; the container then completes the request (a timeout alone records nothing). */
  public void failed(Throwable error) {
    if (error != null) {
      state.error = error;
    }
  }
}
