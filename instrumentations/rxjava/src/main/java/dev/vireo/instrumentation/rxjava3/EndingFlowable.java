package dev.vireo.instrumentation.rxjava3;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The {@code Flowable} a traced method returns in place of its own (see {@link EndingSingle}); cancel ends it. */
final class EndingFlowable<T> extends Flowable<T> {

  private final Flowable<T> source;
  private final Context context;
  private final EndOnce end;

  @SuppressWarnings("unchecked")
  EndingFlowable(Flowable<?> source, Context context, EndOnce end) {
    this.source = (Flowable<T>) source;
    this.context = context;
    this.end = end;
  }

  @Override
  protected void subscribeActual(Subscriber<? super T> subscriber) {
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(new Ending<T>(subscriber, end));
    }
  }

  private static final class Ending<T> implements FlowableSubscriber<T>, Subscription {
    private final Subscriber<? super T> actual;
    private final EndOnce end;
    private Subscription upstream;

    Ending(Subscriber<? super T> actual, EndOnce end) {
      this.actual = actual;
      this.end = end;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
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
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      end.cancel();
      upstream.cancel();
    }
  }
}
