package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.semconv.messaging.ByteHeadersGetter;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads propagation headers from a consumed record (a repeated key: the last value wins). */
final class ConsumerRecordHeaders {

  static final TextMapGetter<ConsumerRecord<?, ?>> INSTANCE =
      ByteHeadersGetter.<ConsumerRecord<?, ?>, Header>of(ConsumerRecord::headers, Header::key, Header::value);

  private ConsumerRecordHeaders() {}
}
