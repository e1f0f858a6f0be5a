package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The PRODUCER span of one {@code send}: it starts when send is called (the context goes into the
 * record headers then) and ends when the broker acknowledges or the send fails, which is either the
 * callback Kafka invokes or an exception thrown by send itself.
 */
final class ProducerSpans {

  static final Instrumenter<ProducerRequest, RecordMetadata> INSTRUMENTER =
      producer(new ProducerAttributesGetter());

  private static Instrumenter<ProducerRequest, RecordMetadata> producer(ProducerAttributesGetter getter) {
    return MessagingInstrumenters.producer(
        KafkaInstrumentationName.NAME, getter, ProducerHeadersSetter.INSTANCE, new KafkaAttributesExtractor<>(getter));
  }

  private ProducerSpans() {}

  /** {callback to pass on, the traced callback or null, the scope to close or null}. */
  static Object[] start(KafkaProducer<?, ?> producer, ProducerRecord<?, ?> record, Callback callback) {
    Object[] untraced = {callback, null, null};
    if (record == null) {
      return untraced;
    }
    Context parent = Context.current();
    ProducerRequest request = new ProducerRequest(record, KafkaClientIds.of(producer));
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return untraced;
    }
    Context context = INSTRUMENTER.start(parent, request);
    TracingCallback traced = new TracingCallback(callback, parent, context, request);
    // Current while send runs: serializers, interceptors and partitioners see the send's span.
    return new Object[] {traced, traced, context.makeCurrent()};
  }

  static void afterSend(Object[] state, Throwable thrown) {
    if (state == null || !(state[1] instanceof TracingCallback)) {
      return;
    }
    if (state[2] instanceof Scope) {
      ((Scope) state[2]).close();
    }
    if (thrown != null) {
      // Thrown instead of reported to the callback (e.g. interrupted, buffer exhausted, closed producer).
      ((TracingCallback) state[1]).end(null, thrown);
    }
  }
}
