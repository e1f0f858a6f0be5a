package dev.vireo.instrumentation.opentelemetryapi.metrics;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

/**
 * The agent SDK's meters and instruments for the application's metrics API; agent objects cross as
 * {@code Object}, instrument kinds as {@link Kind}, attributes built with {@code AgentAttributes}.
 */
public final class AgentMeters {

  /** What the application builds. */
  public enum Kind {
    COUNTER,
    UP_DOWN_COUNTER,
    HISTOGRAM,
    GAUGE
  }

  private AgentMeters() {}

  public static Object meter(String name, String version, String schemaUrl) {
    MeterBuilder builder = VireoTelemetry.get().getMeterProvider().meterBuilder(name == null ? "" : name);
    if (version != null) {
      builder.setInstrumentationVersion(version);
    }
    if (schemaUrl != null) {
      builder.setSchemaUrl(schemaUrl);
    }
    return builder.build();
  }

  /** A synchronous instrument. */
  public static Object instrument(Object meter, Kind kind, boolean doubles, String name, String description, String unit) {
    Meter agentMeter = (Meter) meter;
    switch (kind) {
      case COUNTER:
        return doubles
            ? describe(agentMeter.counterBuilder(name).ofDoubles(), description, unit).build()
            : describe(agentMeter.counterBuilder(name), description, unit).build();
      case UP_DOWN_COUNTER:
        return doubles
            ? describe(agentMeter.upDownCounterBuilder(name).ofDoubles(), description, unit).build()
            : describe(agentMeter.upDownCounterBuilder(name), description, unit).build();
      case HISTOGRAM:
        return doubles
            ? describe(agentMeter.histogramBuilder(name), description, unit).build()
            : describe(agentMeter.histogramBuilder(name).ofLongs(), description, unit).build();
      default:
        return doubles
            ? describe(agentMeter.gaugeBuilder(name), description, unit).build()
            : describe(agentMeter.gaugeBuilder(name).ofLongs(), description, unit).build();
    }
  }

  /**
   * An asynchronous instrument; {@code callback} gets the agent's measurement (as Object) at each
   * collection. Returns the agent's observable instrument (an {@link AutoCloseable}).
   */
  public static AutoCloseable observable(
      Object meter, Kind kind, boolean doubles, String name, String description, String unit, Consumer<Object> callback) {
    Meter agentMeter = (Meter) meter;
    Consumer<ObservableDoubleMeasurement> doubleCallback = callback::accept;
    Consumer<ObservableLongMeasurement> longCallback = callback::accept;
    switch (kind) {
      case COUNTER:
        return doubles
            ? describe(agentMeter.counterBuilder(name).ofDoubles(), description, unit).buildWithCallback(doubleCallback)
            : describe(agentMeter.counterBuilder(name), description, unit).buildWithCallback(longCallback);
      case UP_DOWN_COUNTER:
        return doubles
            ? describe(agentMeter.upDownCounterBuilder(name).ofDoubles(), description, unit).buildWithCallback(doubleCallback)
            : describe(agentMeter.upDownCounterBuilder(name), description, unit).buildWithCallback(longCallback);
      default:
        return doubles
            ? describe(agentMeter.gaugeBuilder(name), description, unit).buildWithCallback(doubleCallback)
            : describe(agentMeter.gaugeBuilder(name).ofLongs(), description, unit).buildWithCallback(longCallback);
    }
  }

  /** An agent measurement for a batch callback ({@code buildObserver()}); histograms have none. */
  public static Object observer(Object meter, Kind kind, boolean doubles, String name, String description, String unit) {
    Meter agentMeter = (Meter) meter;
    switch (kind) {
      case COUNTER:
        return doubles
            ? describe(agentMeter.counterBuilder(name).ofDoubles(), description, unit).buildObserver()
            : describe(agentMeter.counterBuilder(name), description, unit).buildObserver();
      case UP_DOWN_COUNTER:
        return doubles
            ? describe(agentMeter.upDownCounterBuilder(name).ofDoubles(), description, unit).buildObserver()
            : describe(agentMeter.upDownCounterBuilder(name), description, unit).buildObserver();
      default:
        return doubles
            ? describe(agentMeter.gaugeBuilder(name), description, unit).buildObserver()
            : describe(agentMeter.gaugeBuilder(name).ofLongs(), description, unit).buildObserver();
    }
  }

  /** Adds to a counter, records into a histogram, sets a gauge: whatever the instrument is. */
  public static void record(Object instrument, long value, Object attributes) {
    Attributes agentAttributes = (Attributes) attributes;
    if (instrument instanceof LongCounter) {
      ((LongCounter) instrument).add(value, agentAttributes);
    } else if (instrument instanceof LongUpDownCounter) {
      ((LongUpDownCounter) instrument).add(value, agentAttributes);
    } else if (instrument instanceof LongHistogram) {
      ((LongHistogram) instrument).record(value, agentAttributes);
    } else if (instrument instanceof io.opentelemetry.api.metrics.LongGauge) {
      ((io.opentelemetry.api.metrics.LongGauge) instrument).set(value, agentAttributes);
    } else if (instrument instanceof ObservableLongMeasurement) {
      ((ObservableLongMeasurement) instrument).record(value, agentAttributes);
    } else {
      record(instrument, (double) value, attributes);
    }
  }

  public static void record(Object instrument, double value, Object attributes) {
    Attributes agentAttributes = (Attributes) attributes;
    if (instrument instanceof DoubleCounter) {
      ((DoubleCounter) instrument).add(value, agentAttributes);
    } else if (instrument instanceof DoubleUpDownCounter) {
      ((DoubleUpDownCounter) instrument).add(value, agentAttributes);
    } else if (instrument instanceof DoubleHistogram) {
      ((DoubleHistogram) instrument).record(value, agentAttributes);
    } else if (instrument instanceof io.opentelemetry.api.metrics.DoubleGauge) {
      ((io.opentelemetry.api.metrics.DoubleGauge) instrument).set(value, agentAttributes);
    } else if (instrument instanceof ObservableDoubleMeasurement) {
      ((ObservableDoubleMeasurement) instrument).record(value, agentAttributes);
    }
  }

  /** Whether the agent's synchronous instrument records at all. */
  public static boolean isEnabled(Object instrument) {
    if (instrument instanceof LongCounter) {
      return ((LongCounter) instrument).isEnabled();
    } else if (instrument instanceof DoubleCounter) {
      return ((DoubleCounter) instrument).isEnabled();
    } else if (instrument instanceof LongUpDownCounter) {
      return ((LongUpDownCounter) instrument).isEnabled();
    } else if (instrument instanceof DoubleUpDownCounter) {
      return ((DoubleUpDownCounter) instrument).isEnabled();
    } else if (instrument instanceof LongHistogram) {
      return ((LongHistogram) instrument).isEnabled();
    } else if (instrument instanceof DoubleHistogram) {
      return ((DoubleHistogram) instrument).isEnabled();
    }
    return true;
  }

  public static Object noAttributes() {
    return Attributes.empty();
  }

  // The API's builders share no interface: one overload each. A null description or unit is left unset.

  private static io.opentelemetry.api.metrics.LongCounterBuilder describe(
      io.opentelemetry.api.metrics.LongCounterBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.DoubleCounterBuilder describe(
      io.opentelemetry.api.metrics.DoubleCounterBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.LongUpDownCounterBuilder describe(
      io.opentelemetry.api.metrics.LongUpDownCounterBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder describe(
      io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.DoubleHistogramBuilder describe(
      io.opentelemetry.api.metrics.DoubleHistogramBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.LongHistogramBuilder describe(
      io.opentelemetry.api.metrics.LongHistogramBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.DoubleGaugeBuilder describe(
      io.opentelemetry.api.metrics.DoubleGaugeBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }

  private static io.opentelemetry.api.metrics.LongGaugeBuilder describe(
      io.opentelemetry.api.metrics.LongGaugeBuilder builder, String description, String unit) {
    if (description != null) {
      builder.setDescription(description);
    }
    if (unit != null) {
      builder.setUnit(unit);
    }
    return builder;
  }
}
