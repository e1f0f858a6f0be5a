package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.InstrumentationScope;

/** The instrumentation scope name of every span of this module. */
final class JmsInstrumentationName {

  static final String NAME = InstrumentationScope.of(JmsJavaxModule.NAME);

  private JmsInstrumentationName() {}
}
