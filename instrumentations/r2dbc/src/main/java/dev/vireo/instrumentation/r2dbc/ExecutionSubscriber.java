package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Passes an execution's results on and ends its span once: when the results complete, fail (the
 * error recorded) or are cancelled. Signals reach the application in whatever context the driver
 * emits them; the Reactor instrumentation gives the application's operators their own.
 */
final class ExecutionSubscriber implements Subscriber<Object>, Subscription {

  final Context context;
  private final Subscriber<? super Object> actual;
  private final R2dbcRequest request;
  private final AtomicBoolean ended = new AtomicBoolean();
  private Subscription upstream;

  ExecutionSubscriber(Subscriber<? super Object> actual, Context context, R2dbcRequest request) {
    this.actual = actual;
    this.context = context;
    this.request = request;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    upstream = subscription;
    actual.onSubscribe(this);
  }

  @Override
  public void onNext(Object result) {
    actual.onNext(result);
  }

  @Override
  public void onError(Throwable error) {
    end(error);
    actual.onError(error);
  }

  @Override
  public void onComplete() {
    end(null);
    actual.onComplete();
  }

  @Override
  public void request(long n) {
    upstream.request(n);
  }

  @Override
  public void cancel() {
    end(null);
    upstream.cancel();
  }

  private void end(Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      ExecutionSpans.INSTRUMENTER.end(context, request, null, error);
    } catch (Throwable t) {
      AgentLog.debug("r2dbc: span not ended: {}", t);
    }
  }
}
