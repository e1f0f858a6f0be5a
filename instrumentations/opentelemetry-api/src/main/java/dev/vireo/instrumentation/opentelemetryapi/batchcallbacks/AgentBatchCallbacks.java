package dev.vireo.instrumentation.opentelemetryapi.batchcallbacks;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableMeasurement;

/** Registers a batch callback with the agent SDK's meter; meter and measurements cross as {@code Object}. */
public final class AgentBatchCallbacks {

  private AgentBatchCallbacks() {}

  /** Returns the agent's {@code BatchCallback} (an {@link AutoCloseable}). */
  public static AutoCloseable register(Object meter, Runnable callback, Object first, Object[] more) {
    ObservableMeasurement[] agentMore = new ObservableMeasurement[more.length];
    for (int i = 0; i < more.length; i++) {
      agentMore[i] = (ObservableMeasurement) more[i];
    }
    return ((Meter) meter).batchCallback(callback, (ObservableMeasurement) first, agentMore);
  }
}
