package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;
import dev.vireo.instrumentation.kafka.metrics.KafkaClusterIds;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The messaging attributes of a send; the broker's answer adds partition and offset. */
final class ProducerAttributesGetter
    implements MessagingAttributesGetter<ProducerRequest, RecordMetadata>,
        KafkaAttributesGetter<ProducerRequest, RecordMetadata> {

  @Override
  public String system(ProducerRequest request) {
    return "kafka";
  }

  @Override
  public String destination(ProducerRequest request) {
    return request.record.topic();
  }

  @Override
  public String operationName(ProducerRequest request) {
    return "send";
  }

  @Override
  public String destinationPartitionId(ProducerRequest request, RecordMetadata metadata) {
    if (metadata != null && metadata.partition() >= 0) {
      return String.valueOf(metadata.partition());
    }
    Integer partition = request.record.partition();
    return partition != null && partition >= 0 ? partition.toString() : null;
  }

  @Override
  public String clientId(ProducerRequest request) {
    return request.clientId;
  }

  @Override
  public Long offset(ProducerRequest request, RecordMetadata metadata) {
    return metadata != null && metadata.offset() >= 0 ? metadata.offset() : null;
  }

  @Override
  public String messageKey(ProducerRequest request) {
    return PrintableKeys.of(request.record.key());
  }

  @Override
  public String clusterId(ProducerRequest request) {
    return KafkaClusterIds.of(request.clientId);
  }
}
