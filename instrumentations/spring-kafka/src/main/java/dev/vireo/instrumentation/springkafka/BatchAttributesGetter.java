package dev.vireo.instrumentation.springkafka;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;
import org.apache.kafka.common.TopicPartition;

/** The messaging attributes of a batch handed to a listener. */
enum BatchAttributesGetter implements MessagingAttributesGetter<ListenerBatch, Void> {
  INSTANCE;

  @Override
  public String system(ListenerBatch batch) {
    return "kafka";
  }

  /** The topic when all records come from one, else null (the span is then named {@code process}). */
  @Override
  public String destination(ListenerBatch batch) {
    String topic = null;
    for (TopicPartition partition : batch.records.partitions()) {
      if (topic == null) {
        topic = partition.topic();
      } else if (!topic.equals(partition.topic())) {
        return null;
      }
    }
    return topic;
  }

  @Override
  public String operationName(ListenerBatch batch) {
    return "process";
  }

  @Override
  public String consumerGroupName(ListenerBatch batch) {
    return batch.consumerGroup;
  }

  @Override
  public Long batchMessageCount(ListenerBatch batch, Void response) {
    return (long) batch.records.count();
  }
}
