package dev.vireo.instrumentation.opentelemetryapi.gauges.application;

import dev.vireo.instrumentation.opentelemetryapi.common.application.ApplicationAttributes;
import dev.vireo.instrumentation.opentelemetryapi.gauges.AgentGauges;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.context.Context;
import java.util.function.Supplier;

/**
 * The agent's synchronous gauge as the application's. The context argument is not needed: the
 * application's current context is the agent's.
 */
public final class ApplicationGauge implements DoubleGauge, LongGauge {

  /** The gauge builders of module {@code opentelemetry-api-metrics} (named, not referenced: another module). */
  private static final String DOUBLE_BUILDER =
      "dev.vireo.instrumentation.opentelemetryapi.metrics.application.Builders$DoubleGauge";
  private static final String LONG_BUILDER =
      "dev.vireo.instrumentation.opentelemetryapi.metrics.application.Builders$LongGauge";

  private final Object agentGauge;

  private ApplicationGauge(Object agentGauge) {
    this.agentGauge = agentGauge;
  }

  /** The agent's gauge for a bridged builder; {@code original} (the API's no-op) for any other. */
  static Object forBuilder(Object builder, Object original) {
    try {
      String type = builder.getClass().getName();
      if ((type.equals(DOUBLE_BUILDER) || type.equals(LONG_BUILDER)) && builder instanceof Supplier) {
        Object agentGauge = ((Supplier<?>) builder).get();
        if (agentGauge != null) {
          return new ApplicationGauge(agentGauge);
        }
      }
    } catch (Throwable ignored) {
      // keep the API's own gauge
    }
    return original;
  }

  @Override
  public boolean isEnabled() {
    return AgentGauges.isEnabled(agentGauge);
  }

  @Override
  public void set(double value) {
    AgentGauges.set(agentGauge, value, AgentGauges.noAttributes());
  }

  @Override
  public void set(double value, Attributes attributes) {
    AgentGauges.set(agentGauge, value, ApplicationAttributes.toAgent(attributes));
  }

  @Override
  public void set(double value, Attributes attributes, Context context) {
    set(value, attributes);
  }

  @Override
  public void set(long value) {
    AgentGauges.set(agentGauge, value, AgentGauges.noAttributes());
  }

  @Override
  public void set(long value, Attributes attributes) {
    AgentGauges.set(agentGauge, value, ApplicationAttributes.toAgent(attributes));
  }

  @Override
  public void set(long value, Attributes attributes, Context context) {
    set(value, attributes);
  }
}
