package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;
import dev.vireo.instrumentation.kafka.metrics.KafkaClusterIds;
import org.apache.kafka.common.TopicPartition;

/** The messaging attributes of a poll that returned records. */
final class ReceiveAttributesGetter
    implements MessagingAttributesGetter<ReceiveRequest, Void>, KafkaAttributesGetter<ReceiveRequest, Void> {

  @Override
  public String system(ReceiveRequest request) {
    return "kafka";
  }

  /** The topic when all records come from one, else null (the span is then named {@code poll}). */
  @Override
  public String destination(ReceiveRequest request) {
    String topic = null;
    for (TopicPartition partition : request.records.partitions()) {
      if (topic == null) {
        topic = partition.topic();
      } else if (!topic.equals(partition.topic())) {
        return null;
      }
    }
    return topic;
  }

  @Override
  public String operationName(ReceiveRequest request) {
    return "poll";
  }

  @Override
  public String clientId(ReceiveRequest request) {
    return request.consumer.clientId;
  }

  @Override
  public String consumerGroupName(ReceiveRequest request) {
    return request.consumer.groupId;
  }

  @Override
  public String consumerGroup(ReceiveRequest request) {
    return consumerGroupName(request);
  }

  @Override
  public Long batchMessageCount(ReceiveRequest request, Void response) {
    return (long) request.records.count();
  }

  @Override
  public String clusterId(ReceiveRequest request) {
    return KafkaClusterIds.of(clientId(request));
  }
}
