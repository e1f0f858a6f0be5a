package dev.vireo.instrumentation.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One record the application is processing, and the consumer it came from (null if unknown). */
final class ProcessRequest {

  final ConsumerRecord<?, ?> record;
  final ConsumerInfo consumer;

  ProcessRequest(ConsumerRecord<?, ?> record, ConsumerInfo consumer) {
    this.record = record;
    this.consumer = consumer;
  }
}
