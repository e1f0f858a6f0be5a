package dev.vireo.instrumentation.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecords;

/** One non-empty poll result and its consumer. */
final class ReceiveRequest {

  final ConsumerRecords<?, ?> records;
  final ConsumerInfo consumer;

  ReceiveRequest(ConsumerRecords<?, ?> records, ConsumerInfo consumer) {
    this.records = records;
    this.consumer = consumer;
  }
}
