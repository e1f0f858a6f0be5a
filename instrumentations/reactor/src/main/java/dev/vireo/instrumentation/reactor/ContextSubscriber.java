package dev.vireo.instrumentation.reactor;

import dev.vireo.instrumentation.api.ReactorContextKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Fuseable;
import reactor.core.Scannable;

/**
 * Sits between an operator and the subscriber it emits to: every signal (and every request or
 * cancel going back up) runs with the context of the subscription current, and the thread's previous
 * context is restored right after, so nothing stays current on a scheduler or event-loop thread.
 * Making a context current that already is costs no allocation (the storage hands back a no-op scope).
 *
 * <p>It is a {@code QueueSubscription} only because operators below a fuseable source insist on one; it
 * refuses every fusion request, so each value goes through {@link #onNext} (a fused {@code poll()}
 * would run operator code on the consumer's thread, outside the context).
 */
final class ContextSubscriber<T> implements CoreSubscriber<T>, Fuseable.QueueSubscription<T>, Scannable {

  final Context context;
  private final CoreSubscriber<? super T> actual;
  private Subscription upstream;
  private reactor.util.context.Context reactorContext;

  ContextSubscriber(CoreSubscriber<? super T> actual, Context context) {
    this.actual = actual;
    this.context = context;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    this.upstream = subscription;
    try (Scope ignored = context.makeCurrent()) {
      actual.onSubscribe(this);
    }
  }

  @Override
  public void onNext(T value) {
    try (Scope ignored = context.makeCurrent()) {
      actual.onNext(value);
    }
  }

  @Override
  public void onError(Throwable error) {
    try (Scope ignored = context.makeCurrent()) {
      actual.onError(error);
    }
  }

  @Override
  public void onComplete() {
    try (Scope ignored = context.makeCurrent()) {
      actual.onComplete();
    }
  }

  @Override
  public void request(long n) {
    try (Scope ignored = context.makeCurrent()) {
      upstream.request(n);
    }
  }

  @Override
  public void cancel() {
    try (Scope ignored = context.makeCurrent()) {
      upstream.cancel();
    }
  }

  @Override
  public int requestFusion(int requestedMode) {
    return Fuseable.NONE;
  }

  // never called once fusion is refused
  @Override
  public T poll() {
    return null;
  }

  @Override
  public int size() {
    return 0;
  }

  @Override
  public boolean isEmpty() {
    return true;
  }

  @Override
  public void clear() {}

  /**
   * The subscriber's Reactor context with the carried context under {@link ReactorContextKey#KEY}, for
   * callbacks that run outside any signal (a reactive client's event-loop hooks). Built once, on demand.
   */
  @Override
  public reactor.util.context.Context currentContext() {
    reactor.util.context.Context withContext = reactorContext;
    if (withContext == null) {
      withContext = actual.currentContext().put(ReactorContextKey.KEY, context);
      reactorContext = withContext; // racy but idempotent
    }
    return withContext;
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
