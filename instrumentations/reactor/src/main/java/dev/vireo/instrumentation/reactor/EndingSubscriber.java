package dev.vireo.instrumentation.reactor;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;

/**
 * Passes every signal on and ends the operation on the first terminal one, before handing it
 * downstream (the caller's own work after the publisher is not the method's). A {@code Mono}'s value is
 * terminal: it is the method's result, whatever the caller does before the completion follows.
 */
final class EndingSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

  private final CoreSubscriber<? super T> actual;
  private final EndOnce end;
  private final boolean endOnValue;
  private Subscription upstream;

  EndingSubscriber(CoreSubscriber<? super T> actual, EndOnce end, boolean endOnValue) {
    this.actual = actual;
    this.end = end;
    this.endOnValue = endOnValue;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    this.upstream = subscription;
    actual.onSubscribe(this);
  }

  @Override
  public void onNext(T value) {
    if (endOnValue) {
      end.end(null);
    }
    actual.onNext(value);
  }

  @Override
  public void onError(Throwable error) {
    end.end(error);
    actual.onError(error);
  }

  @Override
  public void onComplete() {
    end.end(null);
    actual.onComplete();
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

  @Override
  public reactor.util.context.Context currentContext() {
    return actual.currentContext();
  }

  @Override
  public Object scanUnsafe(Attr key) {
    if (key == Attr.PARENT) {
      return upstream;
    }
    if (key == Attr.ACTUAL) {
      return actual;
    }
    return null;
  }
}
