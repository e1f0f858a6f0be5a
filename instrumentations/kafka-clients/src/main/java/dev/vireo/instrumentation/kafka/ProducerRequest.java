package dev.vireo.instrumentation.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/** One record being sent and the producer's client id. */
final class ProducerRequest {

  final ProducerRecord<?, ?> record;
  final String clientId;

  ProducerRequest(ProducerRecord<?, ?> record, String clientId) {
    this.record = record;
    this.clientId = clientId;
  }
}
