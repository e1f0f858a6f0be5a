package dev.vireo.instrumentation.r2dbc;

import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Passes an execution's results on, telling each result its execution, and reports once when the
 * results complete, fail or are cancelled. Signals reach the application in whatever context the
 * driver emits them; the Reactor instrumentation gives the application's operators their own.
 */
final class ExecutionSubscriber implements Subscriber<Object>, Subscription {

  private final Subscriber<? super Object> actual;
  private final Execution execution;
  private final AtomicBoolean terminated = new AtomicBoolean();
  private Subscription upstream;

  ExecutionSubscriber(Subscriber<? super Object> actual, Execution execution) {
    this.actual = actual;
    this.execution = execution;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    upstream = subscription;
    actual.onSubscribe(this);
  }

  @Override
  public void onNext(Object result) {
    ExecutionSpans.resultEmitted(result, execution);
    actual.onNext(result);
  }

  @Override
  public void onError(Throwable error) {
    if (terminated.compareAndSet(false, true)) {
      execution.failed(error);
      execution.finished();
    }
    actual.onError(error);
  }

  @Override
  public void onComplete() {
    terminate();
    actual.onComplete();
  }

  @Override
  public void request(long n) {
    upstream.request(n);
  }

  @Override
  public void cancel() {
    terminate();
    upstream.cancel();
  }

  private void terminate() {
    if (terminated.compareAndSet(false, true)) {
      execution.finished();
    }
  }
}
