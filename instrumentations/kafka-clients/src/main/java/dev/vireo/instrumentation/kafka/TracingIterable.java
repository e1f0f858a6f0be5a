package dev.vireo.instrumentation.kafka;

import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code records(topic)}: each iteration is a {@link TracingIterator}. */
final class TracingIterable<K, V> implements Iterable<ConsumerRecord<K, V>> {

  private final Iterable<ConsumerRecord<K, V>> delegate;
  private final ConsumerInfo consumer;

  TracingIterable(Iterable<ConsumerRecord<K, V>> delegate, ConsumerInfo consumer) {
    this.delegate = delegate;
    this.consumer = consumer;
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> iterator() {
    return new TracingIterator<>(delegate.iterator(), consumer);
  }
}
