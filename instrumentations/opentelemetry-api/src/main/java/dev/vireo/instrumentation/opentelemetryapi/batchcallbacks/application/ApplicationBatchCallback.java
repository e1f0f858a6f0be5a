package dev.vireo.instrumentation.opentelemetryapi.batchcallbacks.application;

import dev.vireo.instrumentation.opentelemetryapi.batchcallbacks.AgentBatchCallbacks;
import io.opentelemetry.api.metrics.BatchCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The agent's batch callback as the application's; closing it stops the callback. */
public final class ApplicationBatchCallback implements BatchCallback {

  /** Classes of module {@code opentelemetry-api-metrics} (named, not referenced: another module). */
  private static final String METER = "dev.vireo.instrumentation.opentelemetryapi.metrics.application.ApplicationMeter";
  private static final String MEASUREMENT =
      "dev.vireo.instrumentation.opentelemetryapi.metrics.application.ApplicationMeasurement";

  private final AutoCloseable agentCallback;

  private ApplicationBatchCallback(AutoCloseable agentCallback) {
    this.agentCallback = agentCallback;
  }

  /**
   * Registers {@code callback} with the agent's meter behind a bridged {@code meter}; measurements not
   * made by a bridged builder are left out, as the SDK leaves out another meter's. {@code original} (the
   * API's no-op) for any other meter, or when no measurement is the bridge's.
   */
  static Object register(Object meter, Runnable callback, Object first, Object[] more, Object original) {
    try {
      if (callback == null || !isBridged(meter, METER)) {
        return original;
      }
      List<Object> agentMeasurements = new ArrayList<>();
      addAgentMeasurement(first, agentMeasurements);
      if (more != null) {
        for (Object measurement : more) {
          addAgentMeasurement(measurement, agentMeasurements);
        }
      }
      if (agentMeasurements.isEmpty()) {
        return original;
      }
      Object agentMeter = ((Supplier<?>) meter).get();
      Object[] rest = agentMeasurements.subList(1, agentMeasurements.size()).toArray();
      return new ApplicationBatchCallback(
          AgentBatchCallbacks.register(agentMeter, callback, agentMeasurements.get(0), rest));
    } catch (Throwable ignored) {
      return original;
    }
  }

  private static void addAgentMeasurement(Object measurement, List<Object> agentMeasurements) {
    if (isBridged(measurement, MEASUREMENT)) {
      agentMeasurements.add(((Supplier<?>) measurement).get());
    }
  }

  private static boolean isBridged(Object object, String className) {
    return object instanceof Supplier && object.getClass().getName().equals(className);
  }

  @Override
  public void close() {
    try {
      agentCallback.close();
    } catch (Exception ignored) {
      // the SDK's batch callbacks do not throw
    }
  }
}
