package dev.vireo.instrumentation.r2dbc;

import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The publisher of a result's rows or update count ({@code Result.map}, {@code getRowsUpdated},
 * {@code flatMap}): each subscription keeps its execution's span open until it terminates, and its
 * error is the execution's.
 */
final class ResultConsumption implements Publisher<Object> {

  private final Publisher<Object> source;
  private final Execution execution;

  ResultConsumption(Publisher<Object> source, Execution execution) {
    this.source = source;
    this.execution = execution;
  }

  @Override
  public void subscribe(Subscriber<? super Object> subscriber) {
    if (execution.consumptionStarted()) {
      source.subscribe(new Watching(subscriber, execution));
    } else {
      source.subscribe(subscriber);
    }
  }

  private static final class Watching implements Subscriber<Object>, Subscription {
    private final Subscriber<? super Object> actual;
    private final Execution execution;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private Subscription upstream;

    Watching(Subscriber<? super Object> actual, Execution execution) {
      this.actual = actual;
      this.execution = execution;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(Object value) {
      actual.onNext(value);
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
}
