package dev.vireo.instrumentation.kafka;

/** The instrumentation scope name of every Kafka span. */
final class KafkaInstrumentationName {

  static final String NAME = "dev.vireo.kafka-clients";

  private KafkaInstrumentationName() {}
}
