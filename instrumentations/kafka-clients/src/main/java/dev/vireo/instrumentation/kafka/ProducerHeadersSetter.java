package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Writes the propagation headers into the record, replacing earlier values of the same key. Kafka
 * makes a record's headers read-only once it was sent; such a record (sent again) keeps its headers
 * and the send goes on, logged once at DEBUG.
 */
enum ProducerHeadersSetter implements TextMapSetter<ProducerRequest> {
  INSTANCE;

  private static volatile boolean readOnlyLogged;

  @Override
  public void set(ProducerRequest request, String key, String value) {
    if (request == null) {
      return;
    }
    try {
      Headers headers = request.record.headers();
      headers.remove(key);
      headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException readOnly) {
      // IllegalStateException from Kafka's RecordHeaders; anything from a custom Headers likewise
      if (!readOnlyLogged) {
        readOnlyLogged = true;
        AgentLog.debug(
            "kafka-clients: record headers are read-only (record sent before?), trace context not propagated: {}",
            readOnly.toString());
      }
    }
  }
}
