package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;
import dev.vireo.instrumentation.kafka.metrics.KafkaClusterIds;

/** The messaging attributes of processing one record. */
final class ProcessAttributesGetter
    implements MessagingAttributesGetter<ProcessRequest, Void>, KafkaAttributesGetter<ProcessRequest, Void> {

  @Override
  public String system(ProcessRequest request) {
    return "kafka";
  }

  @Override
  public String destination(ProcessRequest request) {
    return request.record.topic();
  }

  @Override
  public String operationName(ProcessRequest request) {
    return "process";
  }

  @Override
  public String destinationPartitionId(ProcessRequest request, Void response) {
    return String.valueOf(request.record.partition());
  }

  @Override
  public String clientId(ProcessRequest request) {
    return request.consumer == null ? null : request.consumer.clientId;
  }

  @Override
  public String consumerGroupName(ProcessRequest request) {
    return request.consumer == null ? null : request.consumer.groupId;
  }

  @Override
  public String consumerGroup(ProcessRequest request) {
    return consumerGroupName(request);
  }

  /** The value's size as it came over the wire; none for a null value (a tombstone), as the OpenTelemetry agent. */
  @Override
  public Long messageBodySize(ProcessRequest request) {
    int size = request.record.serializedValueSize();
    return size < 0 ? null : (long) size;
  }

  @Override
  public Long offset(ProcessRequest request, Void response) {
    return request.record.offset();
  }

  @Override
  public String messageKey(ProcessRequest request) {
    return PrintableKeys.of(request.record.key());
  }

  @Override
  public String clusterId(ProcessRequest request) {
    return KafkaClusterIds.of(clientId(request));
  }
}
