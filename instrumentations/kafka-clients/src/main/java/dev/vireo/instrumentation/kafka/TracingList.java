package dev.vireo.instrumentation.kafka;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code records(partition)}: an unmodifiable view whose iteration (for-each, {@code forEach}) is a
 * {@link TracingIterator}; indexed access ({@code get}) opens no spans.
 */
final class TracingList<K, V> extends AbstractList<ConsumerRecord<K, V>> implements RandomAccess {

  private final List<ConsumerRecord<K, V>> delegate;
  private final ConsumerInfo consumer;

  TracingList(List<ConsumerRecord<K, V>> delegate, ConsumerInfo consumer) {
    this.delegate = delegate;
    this.consumer = consumer;
  }

  @Override
  public ConsumerRecord<K, V> get(int index) {
    return delegate.get(index);
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> iterator() {
    return new TracingIterator<>(delegate.iterator(), consumer);
  }
}
