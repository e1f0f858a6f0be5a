package dev.vireo.instrumentation.kafka.metrics;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import dev.vireo.instrumentation.kafka.KafkaClientsModule;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * The Kafka client metrics of the application's producers and consumers, exported as the OpenTelemetry agent exports
 * them ({@code kafka.consumer.records_lag_max}, {@code kafka.producer.record_send_total} ...), one instrument per name
 * whatever the number of clients. Clients start before the first span: the instruments wait for the agent's SDK
 * without building it ({@link VireoTelemetry#whenBuilt}) and, where the metrics pipeline starts at its first export,
 * for that start; until then a metric costs a list entry. The values are read only when the metric reader collects.
 */
final class KafkaClientMetrics {

  static final KafkaClientMetrics INSTANCE = new KafkaClientMetrics();

  private static final String SCOPE = InstrumentationScope.of(KafkaClientsModule.NAME);

  private final Map<String, KafkaInstrument> instruments = new ConcurrentHashMap<>();
  private Meter meter; // guarded by this; set when the pipeline started
  private boolean awaitingSdk; // guarded by this

  private KafkaClientMetrics() {}

  void add(KafkaMetric metric, KafkaMetricsReporter reporter) {
    MetricName metricName = metric.metricName();
    String name = KafkaInstrumentNames.of(metricName);
    if (name == null) {
      return;
    }
    Object statistic = statistic(metric);
    if (statistic == null) {
      return; // a gauge Kafka computes otherwise (preferred-read-replica): the agent exports none either
    }
    KafkaInstrument instrument = instruments.get(name);
    if (instrument == null) {
      instrument = newInstrument(name, metricName.description(), KafkaInstrumentNames.isCumulative(statistic));
    }
    instrument.add(metric, reporter);
  }

  void remove(KafkaMetric metric, KafkaMetricsReporter reporter) {
    String name = KafkaInstrumentNames.of(metric.metricName());
    KafkaInstrument instrument = name == null ? null : instruments.get(name);
    if (instrument != null) {
      instrument.remove(metric.metricName(), reporter);
    }
  }

  void removeAll(KafkaMetricsReporter reporter) {
    for (KafkaInstrument instrument : instruments.values()) {
      instrument.removeAll(reporter);
    }
  }

  /** Rare (a name not seen before): a lock is fine. */
  private synchronized KafkaInstrument newInstrument(String name, String description, boolean cumulative) {
    KafkaInstrument instrument = instruments.get(name);
    if (instrument != null) {
      return instrument;
    }
    instrument = new KafkaInstrument(name, description, cumulative);
    instruments.put(name, instrument);
    if (meter != null) {
      instrument.build(meter);
    } else if (!awaitingSdk) {
      awaitingSdk = true;
      VireoTelemetry.whenBuilt(telemetry -> PendingDurations.whenMetricsStart(telemetry, () -> start(telemetry)));
    }
    return instrument;
  }

  private synchronized void start(OpenTelemetry telemetry) {
    if (meter != null) {
      return;
    }
    meter = telemetry.getMeterProvider().get(SCOPE);
    for (KafkaInstrument instrument : instruments.values()) {
      instrument.build(meter);
    }
  }

  /** The statistic behind a measured metric; null for a metric without one (a {@code Gauge}). */
  private static Object statistic(KafkaMetric metric) {
    try {
      return metric.measurable();
    } catch (IllegalStateException gauge) {
      return null;
    }
  }
}
