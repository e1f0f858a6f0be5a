package dev.vireo.instrumentation.rxjava3;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleObserver;
import io.reactivex.rxjava3.disposables.Disposable;

/**
 * The {@code Single} a traced method returns in place of its own: subscribed with the method's context
 * current (work the subscription starts, on this thread or handed to a scheduler, is under the method's
 * span); the operation ends on success, error or disposal.
 */
final class EndingSingle<T> extends Single<T> {

  private final Single<T> source;
  private final Context context;
  private final EndOnce end;

  @SuppressWarnings("unchecked")
  EndingSingle(Single<?> source, Context context, EndOnce end) {
    this.source = (Single<T>) source;
    this.context = context;
    this.end = end;
  }

  @Override
  protected void subscribeActual(SingleObserver<? super T> observer) {
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(new Ending<T>(observer, end));
    }
  }

  private static final class Ending<T> implements SingleObserver<T>, Disposable {
    private final SingleObserver<? super T> actual;
    private final EndOnce end;
    private Disposable upstream;

    Ending(SingleObserver<? super T> actual, EndOnce end) {
      this.actual = actual;
      this.end = end;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      actual.onSubscribe(this);
    }

    @Override
    public void onSuccess(T value) {
      end.end(null);
      actual.onSuccess(value);
    }

    @Override
    public void onError(Throwable error) {
      end.end(error);
      actual.onError(error);
    }

    @Override
    public void dispose() {
      end.cancel();
      upstream.dispose();
    }

    @Override
    public boolean isDisposed() {
      return upstream.isDisposed();
    }
  }
}
