package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentBaggage;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;

/** Baggage copied between the application's API and the agent's, entry by entry (baggage is small). */
final class ApplicationBaggage {

  private ApplicationBaggage() {}

  static Baggage fromAgent(Object agentBaggage) {
    String[] entries = AgentBaggage.entries(agentBaggage);
    if (entries.length == 0) {
      return Baggage.empty();
    }
    BaggageBuilder builder = Baggage.builder();
    for (int i = 0; i + 2 < entries.length; i += 3) {
      builder.put(entries[i], entries[i + 1], BaggageEntryMetadata.create(entries[i + 2]));
    }
    return builder.build();
  }

  static Object toAgent(Baggage baggage) {
    if (baggage == null) {
      return AgentBaggage.of(new String[0]);
    }
    String[] entries = new String[baggage.size() * 3];
    int[] i = {0};
    baggage.forEach(
        (key, entry) -> {
          if (i[0] + 2 < entries.length) {
            entries[i[0]++] = key;
            entries[i[0]++] = entry.getValue();
            entries[i[0]++] = entry.getMetadata() == null ? "" : entry.getMetadata().getValue();
          }
        });
    return AgentBaggage.of(entries);
  }
}
