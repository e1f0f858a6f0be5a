package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentAttributes;
import io.opentelemetry.api.common.Attributes;

/** The application's attributes as the agent's (see {@link AgentAttributes}). */
final class ApplicationAttributes {

  private ApplicationAttributes() {}

  static Object toAgent(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return AgentAttributes.empty();
    }
    Object builder = AgentAttributes.builder();
    attributes.forEach(
        (key, value) -> {
          if (key != null && key.getType() != null) {
            AgentAttributes.put(builder, key.getKey(), key.getType().name(), value);
          }
        });
    return AgentAttributes.build(builder);
  }
}
