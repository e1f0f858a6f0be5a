package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import dev.vireo.instrumentation.opentelemetryapi.common.application.ApplicationAttributes;
import dev.vireo.instrumentation.opentelemetryapi.metrics.AgentMeters;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Supplier;

/**
 * The agent's measurement handed to an application callback, or built for a batch callback ({@code
 * buildObserver()}); a {@code Supplier} of the agent's measurement for module {@code
 * opentelemetry-api-batch-callbacks}, which cannot name this class.
 */
public final class ApplicationMeasurement
    implements ObservableLongMeasurement, ObservableDoubleMeasurement, Supplier<Object> {

  private final Object agentMeasurement;

  ApplicationMeasurement(Object agentMeasurement) {
    this.agentMeasurement = agentMeasurement;
  }

  @Override
  public Object get() {
    return agentMeasurement;
  }

  @Override
  public void record(long value) {
    AgentMeters.record(agentMeasurement, value, AgentMeters.noAttributes());
  }

  @Override
  public void record(long value, Attributes attributes) {
    AgentMeters.record(agentMeasurement, value, ApplicationAttributes.toAgent(attributes));
  }

  @Override
  public void record(double value) {
    AgentMeters.record(agentMeasurement, value, AgentMeters.noAttributes());
  }

  @Override
  public void record(double value, Attributes attributes) {
    AgentMeters.record(agentMeasurement, value, ApplicationAttributes.toAgent(attributes));
  }
}
