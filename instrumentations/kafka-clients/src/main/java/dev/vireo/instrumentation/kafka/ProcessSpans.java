package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * CONSUMER spans while the application walks a poll result: one per record, current while the
 * application handles it. At most one is open per thread; the one an application abandons (it left
 * its loop early) is ended by the next iteration or poll on that thread.
 */
final class ProcessSpans {

  static final Instrumenter<ProcessRequest, Void> INSTRUMENTER =
      process(new ProcessAttributesGetter());

  /** The iterator whose record's span is current on this thread. */
  private static final ThreadLocal<TracingIterator<?, ?>> OPEN = new ThreadLocal<>();

  private ProcessSpans() {}

  private static Instrumenter<ProcessRequest, Void> process(ProcessAttributesGetter getter) {
    return MessagingInstrumenters.process(
        KafkaInstrumentationName.NAME, getter, ProcessRequestHeaders.INSTANCE, new KafkaAttributesExtractor<>(getter));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Iterator<?> wrap(ConsumerRecords<?, ?> records, Iterator<?> iterator) {
    if (iterator == null || iterator instanceof TracingIterator || ReceiveSpans.pollInProgress()) {
      return iterator;
    }
    return new TracingIterator(iterator, ReceiveSpans.CONSUMER_OF_RECORDS.get(records));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Iterable<?> wrap(ConsumerRecords<?, ?> records, Iterable<?> iterable) {
    if (iterable == null || iterable instanceof TracingIterable || ReceiveSpans.pollInProgress()) {
      return iterable;
    }
    return new TracingIterable(iterable, ReceiveSpans.CONSUMER_OF_RECORDS.get(records));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<?> wrap(ConsumerRecords<?, ?> records, List<?> list) {
    if (list == null || list.isEmpty() || list instanceof TracingList || ReceiveSpans.pollInProgress()) {
      return list;
    }
    return new TracingList(list, ReceiveSpans.CONSUMER_OF_RECORDS.get(records));
  }

  /** Makes {@code iterator} the one with the open span on this thread, ending any other's. */
  static void opened(TracingIterator<?, ?> iterator) {
    TracingIterator<?, ?> previous = OPEN.get();
    if (previous != null && previous != iterator) {
      previous.closeCurrent();
    }
    OPEN.set(iterator);
  }

  static void closed(TracingIterator<?, ?> iterator) {
    if (OPEN.get() == iterator) {
      OPEN.remove();
    }
  }

  static void closeAbandoned() {
    TracingIterator<?, ?> open = OPEN.get();
    if (open != null) {
      open.closeCurrent();
      OPEN.remove();
    }
  }

}
