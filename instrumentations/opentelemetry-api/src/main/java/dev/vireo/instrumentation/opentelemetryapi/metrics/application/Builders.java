package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.LongHistogramBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The application's instrument builders, one per API builder interface; each fills an {@link
 * InstrumentSpec} and builds the agent's instrument from it.
 */
final class Builders {

  private Builders() {}

  static final class LongCounter implements LongCounterBuilder {
    private final InstrumentSpec spec;

    LongCounter(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public LongCounterBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public LongCounterBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public DoubleCounterBuilder ofDoubles() {
      return new DoubleCounter(spec.withDoubles(true));
    }

    @Override
    public io.opentelemetry.api.metrics.LongCounter build() {
      return spec.build();
    }

    @Override
    public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
      return spec.observe(callback::accept);
    }

    /** API 1.15 and later: a measurement for {@code Meter.batchCallback} (its own module bridges that). */
    @Override
    public ObservableLongMeasurement buildObserver() {
      return spec.observer();
    }
  }

  static final class DoubleCounter implements DoubleCounterBuilder {
    private final InstrumentSpec spec;

    DoubleCounter(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public DoubleCounterBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public DoubleCounterBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleCounter build() {
      return spec.build();
    }

    @Override
    public ObservableDoubleCounter buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
      return spec.observe(callback::accept);
    }

    /** API 1.15 and later: a measurement for {@code Meter.batchCallback} (its own module bridges that). */
    @Override
    public ObservableDoubleMeasurement buildObserver() {
      return spec.observer();
    }
  }

  static final class LongUpDownCounter implements LongUpDownCounterBuilder {
    private final InstrumentSpec spec;

    LongUpDownCounter(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public LongUpDownCounterBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public LongUpDownCounterBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public DoubleUpDownCounterBuilder ofDoubles() {
      return new DoubleUpDownCounter(spec.withDoubles(true));
    }

    @Override
    public io.opentelemetry.api.metrics.LongUpDownCounter build() {
      return spec.build();
    }

    @Override
    public ObservableLongUpDownCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
      return spec.observe(callback::accept);
    }

    /** API 1.15 and later: a measurement for {@code Meter.batchCallback} (its own module bridges that). */
    @Override
    public ObservableLongMeasurement buildObserver() {
      return spec.observer();
    }
  }

  static final class DoubleUpDownCounter implements DoubleUpDownCounterBuilder {
    private final InstrumentSpec spec;

    DoubleUpDownCounter(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public DoubleUpDownCounterBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public DoubleUpDownCounterBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleUpDownCounter build() {
      return spec.build();
    }

    @Override
    public ObservableDoubleUpDownCounter buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
      return spec.observe(callback::accept);
    }

    /** API 1.15 and later: a measurement for {@code Meter.batchCallback} (its own module bridges that). */
    @Override
    public ObservableDoubleMeasurement buildObserver() {
      return spec.observer();
    }
  }

  static final class DoubleHistogram implements DoubleHistogramBuilder {
    private final InstrumentSpec spec;

    DoubleHistogram(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public DoubleHistogramBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public DoubleHistogramBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public LongHistogramBuilder ofLongs() {
      return new LongHistogram(spec.withDoubles(false));
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleHistogram build() {
      return spec.build();
    }
  }

  static final class LongHistogram implements LongHistogramBuilder {
    private final InstrumentSpec spec;

    LongHistogram(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public LongHistogramBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public LongHistogramBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.LongHistogram build() {
      return spec.build();
    }
  }

  /**
   * Also a {@code Supplier} of the agent's synchronous gauge, for module {@code opentelemetry-api-gauges}
   * (the API's {@code build()}, 1.38 and later), which cannot name this class.
   */
  static final class DoubleGauge implements DoubleGaugeBuilder, Supplier<Object> {
    private final InstrumentSpec spec;

    DoubleGauge(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public Object get() {
      return spec.buildAgentInstrument();
    }

    @Override
    public DoubleGaugeBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public DoubleGaugeBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public LongGaugeBuilder ofLongs() {
      return new LongGauge(spec.withDoubles(false));
    }

    @Override
    public ObservableDoubleGauge buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
      return spec.observe(callback::accept);
    }

    /** API 1.15 and later: a measurement for {@code Meter.batchCallback} (its own module bridges that). */
    @Override
    public ObservableDoubleMeasurement buildObserver() {
      return spec.observer();
    }
  }

  /**
   * Also a {@code Supplier} of the agent's synchronous gauge, for module {@code opentelemetry-api-gauges}
   * (the API's {@code build()}, 1.38 and later), which cannot name this class.
   */
  static final class LongGauge implements LongGaugeBuilder, Supplier<Object> {
    private final InstrumentSpec spec;

    LongGauge(InstrumentSpec spec) {
      this.spec = spec;
    }

    @Override
    public Object get() {
      return spec.buildAgentInstrument();
    }

    @Override
    public LongGaugeBuilder setDescription(String description) {
      spec.description = description;
      return this;
    }

    @Override
    public LongGaugeBuilder setUnit(String unit) {
      spec.unit = unit;
      return this;
    }

    @Override
    public ObservableLongGauge buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
      return spec.observe(callback::accept);
    }

    /** API 1.15 and later: a measurement for {@code Meter.batchCallback} (its own module bridges that). */
    @Override
    public ObservableLongMeasurement buildObserver() {
      return spec.observer();
    }
  }
}
