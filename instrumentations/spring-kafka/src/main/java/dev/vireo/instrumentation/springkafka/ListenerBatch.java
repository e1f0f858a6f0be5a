package dev.vireo.instrumentation.springkafka;

import org.apache.kafka.clients.consumer.ConsumerRecords;

/** The records handed to a batch listener and the consumer group of the container that polled them. */
final class ListenerBatch {

  final ConsumerRecords<?, ?> records;
  final String consumerGroup;

  ListenerBatch(ConsumerRecords<?, ?> records, String consumerGroup) {
    this.records = records;
    this.consumerGroup = consumerGroup == null || consumerGroup.isEmpty() ? null : consumerGroup;
  }
}
