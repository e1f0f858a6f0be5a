package dev.vireo.instrumentation.opentelemetryapi.common.application;

import dev.vireo.instrumentation.opentelemetryapi.common.AgentAttributes;
import io.opentelemetry.api.common.Attributes;

/** The application's attributes as the agent's (see {@link AgentAttributes}); shared by the bridge modules. */
public final class ApplicationAttributes {

  private ApplicationAttributes() {}

  public static Object toAgent(Attributes attributes) {
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
