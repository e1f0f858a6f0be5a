package dev.vireo.instrumentation.apachehttpclient5;

import io.opentelemetry.context.Scope;
import org.apache.hc.core5.concurrent.FutureCallback;

/** Ends the asynchronous call's span, then runs the application's callback (if any) in the caller's context. */
final class TracedFutureCallback<T> implements FutureCallback<T> {

  private final FutureCallback<T> delegate;
  private final AsyncCall call;

  TracedFutureCallback(FutureCallback<T> delegate, AsyncCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  @Override
  public void completed(T result) {
    call.onCompleted();
    if (delegate != null) {
      try (Scope ignored = call.makeCallerContextCurrent()) {
        delegate.completed(result);
      }
    }
  }

  @Override
  public void failed(Exception error) {
    call.onFailed(error);
    if (delegate != null) {
      try (Scope ignored = call.makeCallerContextCurrent()) {
        delegate.failed(error);
      }
    }
  }

  @Override
  public void cancelled() {
    call.onCancelled();
    if (delegate != null) {
      try (Scope ignored = call.makeCallerContextCurrent()) {
        delegate.cancelled();
      }
    }
  }
}
