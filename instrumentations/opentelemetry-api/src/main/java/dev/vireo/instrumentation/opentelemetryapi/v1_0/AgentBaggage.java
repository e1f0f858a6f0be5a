package dev.vireo.instrumentation.opentelemetryapi.v1_0;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;

/** The agent's baggage for the bridge; entries cross as key, value, metadata, key, value, metadata... */
public final class AgentBaggage {

  private AgentBaggage() {}

  public static String[] entries(Object baggage) {
    Baggage agentBaggage = (Baggage) baggage;
    String[] entries = new String[agentBaggage.size() * 3];
    int[] i = {0};
    agentBaggage.forEach(
        (key, entry) -> {
          if (i[0] + 2 < entries.length) {
            entries[i[0]++] = key;
            entries[i[0]++] = entry.getValue();
            entries[i[0]++] = entry.getMetadata().getValue();
          }
        });
    return entries;
  }

  public static Object of(String[] entries) {
    BaggageBuilder builder = Baggage.builder();
    for (int i = 0; i + 2 < entries.length; i += 3) {
      if (entries[i] != null && entries[i + 1] != null) {
        builder.put(entries[i], entries[i + 1], BaggageEntryMetadata.create(entries[i + 2] == null ? "" : entries[i + 2]));
      }
    }
    return builder.build();
  }
}
