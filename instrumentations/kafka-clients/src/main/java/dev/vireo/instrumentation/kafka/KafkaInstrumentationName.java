package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.InstrumentationScope;

/** The instrumentation scope name of every Kafka span. */
final class KafkaInstrumentationName {

  static final String NAME = InstrumentationScope.of(KafkaClientsModule.NAME);

  private KafkaInstrumentationName() {}
}
