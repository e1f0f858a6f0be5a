package dev.vireo.instrumentation.springkafka;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.messaging.ByteHeadersGetter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/**
 * The CONSUMER span of one batch listener call. It is current before Spring turns the records into
 * the listener's list, so the kafka-clients instrumentation (same span family) opens no per-record
 * process spans underneath; the links to each record's producer are added once it is current, for
 * the same reason (reading the records walks them).
 */
final class BatchSpans {

  static final Instrumenter<ListenerBatch, Void> INSTRUMENTER =
      MessagingInstrumenters.processBatch(
          InstrumentationScope.of(SpringKafkaModule.NAME), BatchAttributesGetter.INSTANCE);

  /** The shared Kafka header reading of the messaging family (kafka-clients reads them the same way). */
  private static final TextMapGetter<ConsumerRecord<?, ?>> RECORD_HEADERS =
      ByteHeadersGetter.<ConsumerRecord<?, ?>, Header>of(ConsumerRecord::headers, Header::key, Header::value);

  private BatchSpans() {}

  static Object start(ConsumerRecords<?, ?> records, String consumerGroup) {
    if (records == null || records.isEmpty()) {
      return null;
    }
    ListenerBatch batch = new ListenerBatch(records, consumerGroup);
    Context parent = Context.current();
    if (!INSTRUMENTER.shouldStart(parent, batch)) {
      return null;
    }
    Context context = INSTRUMENTER.start(parent, batch);
    Scope scope = context.makeCurrent();
    Span span = Span.fromContext(context);
    TextMapPropagator propagator = VireoTelemetry.get().getPropagators().getTextMapPropagator();
    for (ConsumerRecord<?, ?> record : records) {
      SpanContext sent =
          Span.fromContext(propagator.extract(Context.root(), record, RECORD_HEADERS)).getSpanContext();
      if (sent.isValid()) {
        span.addLink(sent);
      }
    }
    return new Started(batch, context, scope);
  }

  static void end(Object state, Throwable thrown) {
    if (state instanceof Started) {
      Started started = (Started) state;
      started.scope.close();
      INSTRUMENTER.end(started.context, started.batch, null, thrown);
    }
  }

  private static final class Started {
    final ListenerBatch batch;
    final Context context;
    final Scope scope;

    Started(ListenerBatch batch, Context context, Scope scope) {
      this.batch = batch;
      this.context = context;
      this.scope = scope;
    }
  }
}
