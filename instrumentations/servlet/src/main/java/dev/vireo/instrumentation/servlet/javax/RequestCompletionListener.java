package dev.vireo.instrumentation.servlet.javax;

import dev.vireo.instrumentation.servlet.common.RequestCompletion;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;

/** Hands the async cycle's end to the core's {@link RequestCompletion}. */
final class RequestCompletionListener implements AsyncListener {

  private final RequestCompletion<?, ?> completion;

  RequestCompletionListener(RequestCompletion<?, ?> completion) {
    this.completion = completion;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    completion.complete();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // The container answers the timeout (500 unless the application does) and then completes.
  }

  @Override
  public void onError(AsyncEvent event) {
    completion.failed(event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // A new async cycle of the same request: containers drop the listeners of the previous one.
    if (event.getAsyncContext() != null) {
      event.getAsyncContext().addListener(this);
    }
  }
}
