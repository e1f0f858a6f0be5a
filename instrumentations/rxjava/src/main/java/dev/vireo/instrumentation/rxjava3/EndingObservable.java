package dev.vireo.instrumentation.rxjava3;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.disposables.Disposable;

/** The {@code Observable} a traced method returns in place of its own (see {@link EndingSingle}). */
final class EndingObservable<T> extends Observable<T> {

  private final Observable<T> source;
  private final Context context;
  private final EndOnce end;

  @SuppressWarnings("unchecked")
  EndingObservable(Observable<?> source, Context context, EndOnce end) {
    this.source = (Observable<T>) source;
    this.context = context;
    this.end = end;
  }

  @Override
  protected void subscribeActual(Observer<? super T> observer) {
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(new Ending<T>(observer, end));
    }
  }

  private static final class Ending<T> implements Observer<T>, Disposable {
    private final Observer<? super T> actual;
    private final EndOnce end;
    private Disposable upstream;

    Ending(Observer<? super T> actual, EndOnce end) {
      this.actual = actual;
      this.end = end;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      actual.onNext(value);
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
