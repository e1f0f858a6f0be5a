package dev.vireo.instrumentation.kafka;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Iterates consumed records, opening the CONSUMER span of each record at {@code next()} (child of
 * the producer's context in its headers, current on this thread) and ending it at the following
 * {@code next()}, or when {@code hasNext()} says the records are done.
 */
final class TracingIterator<K, V> implements Iterator<ConsumerRecord<K, V>> {

  private final Iterator<ConsumerRecord<K, V>> delegate;
  private final ConsumerInfo consumer;
  private Context context;
  private ProcessRequest request;
  private Scope scope;
  private Thread scopeThread;

  TracingIterator(Iterator<ConsumerRecord<K, V>> delegate, ConsumerInfo consumer) {
    this.delegate = delegate;
    this.consumer = consumer;
  }

  @Override
  public boolean hasNext() {
    boolean hasNext = delegate.hasNext();
    if (!hasNext) {
      closeCurrent();
    }
    return hasNext;
  }

  @Override
  public ConsumerRecord<K, V> next() {
    closeCurrent();
    ConsumerRecord<K, V> record = delegate.next();
    open(record);
    return record;
  }

  @Override
  public void remove() {
    delegate.remove();
  }

  private void open(ConsumerRecord<K, V> record) {
    try {
      if (record == null) {
        return;
      }
      ProcessSpans.opened(this);
      Context parent = Context.current();
      ProcessRequest processRequest = new ProcessRequest(record, consumer);
      if (!ProcessSpans.INSTRUMENTER.shouldStart(parent, processRequest)) {
        ProcessSpans.closed(this);
        return;
      }
      context = ProcessSpans.INSTRUMENTER.start(parent, processRequest);
      request = processRequest;
      scope = context.makeCurrent();
      scopeThread = Thread.currentThread();
    } catch (Throwable t) {
      // tracing never breaks the application's loop
    }
  }

  /** Ends the open span; its scope is closed on the thread that opened it (a scope is per thread). */
  void closeCurrent() {
    try {
      if (scope != null && scopeThread == Thread.currentThread()) {
        Scope open = scope;
        scope = null;
        scopeThread = null;
        open.close();
        ProcessSpans.closed(this);
      }
      if (context != null) {
        Context ending = context;
        context = null;
        ProcessSpans.INSTRUMENTER.end(ending, request, null, null);
        request = null;
      }
    } catch (Throwable t) {
      // tracing never breaks the application's loop
    }
  }
}
