package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import dev.vireo.instrumentation.opentelemetryapi.metrics.AgentMeters;
import dev.vireo.instrumentation.opentelemetryapi.metrics.AgentMeters.Kind;
import java.util.function.Consumer;

/** What an application's instrument builder has collected; builds the agent's instrument. */
final class InstrumentSpec {

  private final Object agentMeter;
  private final Kind kind;
  final boolean doubles;
  private final String name;
  String description;
  String unit;

  InstrumentSpec(Object agentMeter, Kind kind, boolean doubles, String name) {
    this.agentMeter = agentMeter;
    this.kind = kind;
    this.doubles = doubles;
    this.name = name;
  }

  /** The same instrument with the other number type (the API's ofDoubles/ofLongs). */
  InstrumentSpec withDoubles(boolean useDoubles) {
    InstrumentSpec spec = new InstrumentSpec(agentMeter, kind, useDoubles, name);
    spec.description = description;
    spec.unit = unit;
    return spec;
  }

  ApplicationInstrument build() {
    return new ApplicationInstrument(buildAgentInstrument());
  }

  Object buildAgentInstrument() {
    return AgentMeters.instrument(agentMeter, kind, doubles, name, description, unit);
  }

  /** The agent's measurement for a batch callback, as the application's. */
  ApplicationMeasurement observer() {
    return new ApplicationMeasurement(AgentMeters.observer(agentMeter, kind, doubles, name, description, unit));
  }

  ApplicationObservable observe(Consumer<ApplicationMeasurement> callback) {
    return new ApplicationObservable(
        AgentMeters.observable(
            agentMeter, kind, doubles, name, description, unit,
            agentMeasurement -> callback.accept(new ApplicationMeasurement(agentMeasurement))));
  }
}
