package dev.vireo.instrumentation.springkafka;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** The messaging attributes of a batch handed to a listener. */
enum BatchAttributesGetter implements MessagingAttributesGetter<ConsumerRecords<?, ?>, Void> {
  INSTANCE;

  @Override
  public String system(ConsumerRecords<?, ?> records) {
    return "kafka";
  }

  /** The topic when all records come from one, else null (the span is then named {@code process}). */
  @Override
  public String destination(ConsumerRecords<?, ?> records) {
    String topic = null;
    for (TopicPartition partition : records.partitions()) {
      if (topic == null) {
        topic = partition.topic();
      } else if (!topic.equals(partition.topic())) {
        return null;
      }
    }
    return topic;
  }

  @Override
  public String operationName(ConsumerRecords<?, ?> records) {
    return "process";
  }

  @Override
  public Long batchMessageCount(ConsumerRecords<?, ?> records, Void response) {
    return (long) records.count();
  }
}
