package dev.vireo.instrumentation.rxjava3;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.CompletableObserver;
import io.reactivex.rxjava3.disposables.Disposable;

/** The {@code Completable} a traced method returns in place of its own (see {@link EndingSingle}). */
final class EndingCompletable extends Completable {

  private final Completable source;
  private final Context context;
  private final EndOnce end;

  EndingCompletable(Completable source, Context context, EndOnce end) {
    this.source = source;
    this.context = context;
    this.end = end;
  }

  @Override
  protected void subscribeActual(CompletableObserver observer) {
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(new Ending(observer, end));
    }
  }

  private static final class Ending implements CompletableObserver, Disposable {
    private final CompletableObserver actual;
    private final EndOnce end;
    private Disposable upstream;

    Ending(CompletableObserver actual, EndOnce end) {
      this.actual = actual;
      this.end = end;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      actual.onSubscribe(this);
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
