package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import dev.vireo.instrumentation.opentelemetryapi.metrics.AgentMeters.Kind;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.util.function.Supplier;

/**
 * The application's meter: one of the agent's SDK; a {@code Supplier} of it for module {@code
 * opentelemetry-api-batch-callbacks} ({@code batchCallback}, API 1.15 and later), which cannot name this class.
 */
public final class ApplicationMeter implements Meter, Supplier<Object> {

  private final Object agentMeter;

  ApplicationMeter(Object agentMeter) {
    this.agentMeter = agentMeter;
  }

  @Override
  public Object get() {
    return agentMeter;
  }

  @Override
  public LongCounterBuilder counterBuilder(String name) {
    return new Builders.LongCounter(new InstrumentSpec(agentMeter, Kind.COUNTER, false, name));
  }

  @Override
  public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
    return new Builders.LongUpDownCounter(new InstrumentSpec(agentMeter, Kind.UP_DOWN_COUNTER, false, name));
  }

  @Override
  public DoubleHistogramBuilder histogramBuilder(String name) {
    return new Builders.DoubleHistogram(new InstrumentSpec(agentMeter, Kind.HISTOGRAM, true, name));
  }

  @Override
  public DoubleGaugeBuilder gaugeBuilder(String name) {
    return new Builders.DoubleGauge(new InstrumentSpec(agentMeter, Kind.GAUGE, true, name));
  }
}
