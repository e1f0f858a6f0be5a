package dev.vireo.instrumentation.kafka;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Replaces the application's send callback: ends the PRODUCER span with the broker's answer, then
 * runs the application's callback (if any) in the context send was called in, once per
 * completion Kafka reports.
 */
final class TracingCallback implements Callback {

  private static final AtomicIntegerFieldUpdater<TracingCallback> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(TracingCallback.class, "ended");

  private final Callback delegate;
  private final Context parent;
  private final Context context;
  private final ProducerRequest request;
  private volatile int ended;

  TracingCallback(Callback delegate, Context parent, Context context, ProducerRequest request) {
    this.delegate = delegate;
    this.parent = parent;
    this.context = context;
    this.request = request;
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    end(metadata, exception);
    if (delegate != null) {
      try (Scope ignored = parent.makeCurrent()) {
        delegate.onCompletion(metadata, exception);
      }
    }
  }

  /** Ends the span the first time only: a failed send may be both reported and thrown. */
  void end(RecordMetadata metadata, Throwable error) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      return;
    }
    try {
      ProducerSpans.INSTRUMENTER.end(context, request, error == null ? metadata : null, error);
    } catch (Throwable t) {
      // never into Kafka's I/O thread
    }
  }
}
