package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingLinks;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The CLIENT span of a poll that returned records (empty polls make none): it covers the poll,
 * is linked to every record's producer, and hands the consumer's identity to the records' process
 * spans.
 */
final class ReceiveSpans {

  static final Instrumenter<ReceiveRequest, Void> INSTRUMENTER =
      receive(new ReceiveAttributesGetter());

  /** The consumer a poll result came from, for its process spans. */
  static final VirtualField<ConsumerRecords<?, ?>, ConsumerInfo> CONSUMER_OF_RECORDS =
      VirtualField.createInInjectedSlot();

  /**
   * Polls in progress on this thread: iterating records inside poll (our links, a consumer
   * interceptor) is not the application processing them.
   */
  private static final ThreadLocal<int[]> POLL_DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private ReceiveSpans() {}

  private static Instrumenter<ReceiveRequest, Void> receive(ReceiveAttributesGetter getter) {
    return MessagingInstrumenters.receive(
        KafkaInstrumentationName.NAME,
        getter,
        new MessagingLinks<ReceiveRequest, ConsumerRecord<?, ?>>(ReceiveSpans::recordsOf, ConsumerRecordHeaders.INSTANCE),
        new KafkaAttributesExtractor<>(getter));
  }

  static long pollStarted() {
    POLL_DEPTH.get()[0]++;
    // A process span the application left open on this thread (it stopped iterating early) ends now.
    ProcessSpans.closeAbandoned();
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }

  static void pollEnded(KafkaConsumer<?, ?> consumer, long startEpochNanos, ConsumerRecords<?, ?> records, Throwable thrown) {
    try {
      if (thrown != null || records == null || records.isEmpty()) {
        return;
      }
      ConsumerInfo info = KafkaConsumers.info(consumer);
      CONSUMER_OF_RECORDS.set(records, info);
      Context parent = Context.current();
      ReceiveRequest request = new ReceiveRequest(records, info);
      if (!INSTRUMENTER.shouldStart(parent, request)) {
        return;
      }
      Context context = INSTRUMENTER.start(parent, request, startEpochNanos);
      INSTRUMENTER.end(context, request, null, null);
    } finally {
      POLL_DEPTH.get()[0]--;
    }
  }

  static boolean pollInProgress() {
    return POLL_DEPTH.get()[0] > 0;
  }

  @SuppressWarnings("unchecked")
  private static Iterable<ConsumerRecord<?, ?>> recordsOf(ReceiveRequest request) {
    return (Iterable<ConsumerRecord<?, ?>>) (Iterable<?>) request.records;
  }
}
