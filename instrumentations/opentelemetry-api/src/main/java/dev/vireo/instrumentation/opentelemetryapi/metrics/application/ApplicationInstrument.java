package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import dev.vireo.instrumentation.opentelemetryapi.common.application.ApplicationAttributes;
import dev.vireo.instrumentation.opentelemetryapi.metrics.AgentMeters;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.context.Context;

/**
 * One of the agent's synchronous instruments as whichever application instrument it was built as
 * (the API's counters and histograms share their method shapes). The context argument is not needed:
 * the application's current context is the agent's.
 */
public final class ApplicationInstrument
    implements LongCounter, DoubleCounter, LongUpDownCounter, DoubleUpDownCounter, LongHistogram, DoubleHistogram {

  private final Object agentInstrument;

  ApplicationInstrument(Object agentInstrument) {
    this.agentInstrument = agentInstrument;
  }

  /** API 1.5x and later: whether recording is worth it (the agent's instrument decides). */
  @Override
  public boolean isEnabled() {
    return AgentMeters.isEnabled(agentInstrument);
  }

  @Override
  public void add(long value) {
    AgentMeters.record(agentInstrument, value, AgentMeters.noAttributes());
  }

  @Override
  public void add(long value, Attributes attributes) {
    AgentMeters.record(agentInstrument, value, ApplicationAttributes.toAgent(attributes));
  }

  @Override
  public void add(long value, Attributes attributes, Context context) {
    add(value, attributes);
  }

  @Override
  public void add(double value) {
    AgentMeters.record(agentInstrument, value, AgentMeters.noAttributes());
  }

  @Override
  public void add(double value, Attributes attributes) {
    AgentMeters.record(agentInstrument, value, ApplicationAttributes.toAgent(attributes));
  }

  @Override
  public void add(double value, Attributes attributes, Context context) {
    add(value, attributes);
  }

  @Override
  public void record(long value) {
    add(value);
  }

  @Override
  public void record(long value, Attributes attributes) {
    add(value, attributes);
  }

  @Override
  public void record(long value, Attributes attributes, Context context) {
    add(value, attributes);
  }

  @Override
  public void record(double value) {
    add(value);
  }

  @Override
  public void record(double value, Attributes attributes) {
    add(value, attributes);
  }

  @Override
  public void record(double value, Attributes attributes, Context context) {
    add(value, attributes);
  }
}
