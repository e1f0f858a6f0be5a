package dev.vireo.instrumentation.rxjava3;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.MaybeObserver;
import io.reactivex.rxjava3.disposables.Disposable;

/** The {@code Maybe} a traced method returns in place of its own (see {@link EndingSingle}); ends on completion too. */
final class EndingMaybe<T> extends Maybe<T> {

  private final Maybe<T> source;
  private final Context context;
  private final EndOnce end;

  @SuppressWarnings("unchecked")
  EndingMaybe(Maybe<?> source, Context context, EndOnce end) {
    this.source = (Maybe<T>) source;
    this.context = context;
    this.end = end;
  }

  @Override
  protected void subscribeActual(MaybeObserver<? super T> observer) {
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(new Ending<T>(observer, end));
    }
  }

  private static final class Ending<T> implements MaybeObserver<T>, Disposable {
    private final MaybeObserver<? super T> actual;
    private final EndOnce end;
    private Disposable upstream;

    Ending(MaybeObserver<? super T> actual, EndOnce end) {
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
    public void onComplete() {
      end.end(null);
      actual.onComplete();
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
