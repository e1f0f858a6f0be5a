package dev.vireo.instrumentation.kafka;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Iterator;

/** The producer's context of a processed record: {@link ConsumerRecordHeaders} of its record. */
enum ProcessRequestHeaders implements TextMapGetter<ProcessRequest> {
  INSTANCE;

  @Override
  public Iterable<String> keys(ProcessRequest request) {
    return ConsumerRecordHeaders.INSTANCE.keys(request.record);
  }

  @Override
  public String get(ProcessRequest request, String key) {
    return request == null ? null : ConsumerRecordHeaders.INSTANCE.get(request.record, key);
  }

  @Override
  public Iterator<String> getAll(ProcessRequest request, String key) {
    return ConsumerRecordHeaders.INSTANCE.getAll(request == null ? null : request.record, key);
  }
}
