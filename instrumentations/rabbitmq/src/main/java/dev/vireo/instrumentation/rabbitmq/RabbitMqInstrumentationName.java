package dev.vireo.instrumentation.rabbitmq;

import dev.vireo.instrumentation.api.InstrumentationScope;

/** The instrumentation scope name of every RabbitMQ span. */
final class RabbitMqInstrumentationName {

  static final String NAME = InstrumentationScope.of(RabbitMqModule.NAME);

  private RabbitMqInstrumentationName() {}
}
