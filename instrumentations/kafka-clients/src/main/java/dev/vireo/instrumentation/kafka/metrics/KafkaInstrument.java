package dev.vireo.instrumentation.kafka.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * One exported instrument and the client metrics it reads at collection, one point each: a monotonic sum for a total,
 * else a gauge, no unit, the first metric's description, the metric's tags ({@code client-id}, {@code topic}, {@code
 * partition}, {@code node-id}) and {@code messaging.kafka.cluster.id} as attributes. Kafka reports some metrics of a
 * client both for the whole client and per topic, partition or broker node ({@code records-consumed-total}, {@code
 * incoming-byte-rate}); only a client's most detailed ones are read, so that a sum over the points does not count
 * twice (as the OpenTelemetry agent does: the client-wide point goes once the detailed ones exist).
 */
final class KafkaInstrument {

  static final String CLUSTER_ID = "messaging.kafka.cluster.id";

  private final String name;
  private final String description;
  private final boolean cumulative;
  private final CopyOnWriteArrayList<Reading> readings = new CopyOnWriteArrayList<>();
  /** The most tags a metric of each client has here. */
  private final Map<KafkaMetricsReporter, Integer> mostTags = new ConcurrentHashMap<>();

  KafkaInstrument(String name, String description, boolean cumulative) {
    this.name = name;
    this.description = description == null ? "" : description;
    this.cumulative = cumulative;
  }

  /** A metric registered, or registered again (Kafka replaces a metric by registering one of the same name). */
  void add(KafkaMetric metric, KafkaMetricsReporter reporter) {
    remove(metric.metricName(), reporter);
    readings.add(new Reading(metric, reporter));
    mostTags.merge(reporter, metric.metricName().tags().size(), Math::max);
  }

  void remove(MetricName metric, KafkaMetricsReporter reporter) {
    if (readings.removeIf(reading -> reading.reporter == reporter && reading.metric.metricName().equals(metric))) {
      recountTags(reporter);
    }
  }

  void removeAll(KafkaMetricsReporter reporter) {
    readings.removeIf(reading -> reading.reporter == reporter);
    mostTags.remove(reporter);
  }

  private void recountTags(KafkaMetricsReporter reporter) {
    int most = -1;
    for (Reading reading : readings) {
      if (reading.reporter == reporter) {
        most = Math.max(most, reading.tagCount);
      }
    }
    if (most < 0) {
      mostTags.remove(reporter);
    } else {
      mostTags.put(reporter, most);
    }
  }

  void build(Meter meter) {
    if (cumulative) {
      meter.counterBuilder(name).ofDoubles().setDescription(description).buildWithCallback(this::observe);
    } else {
      meter.gaugeBuilder(name).setDescription(description).buildWithCallback(this::observe);
    }
  }

  private void observe(ObservableDoubleMeasurement measurement) {
    for (Reading reading : readings) {
      Integer most = mostTags.get(reading.reporter);
      if (most != null && reading.tagCount < most) {
        continue;
      }
      Object value = reading.metric.metricValue();
      if (value instanceof Number) {
        double number = ((Number) value).doubleValue();
        if (!Double.isNaN(number) && !Double.isInfinite(number)) { // an average without samples is NaN
          measurement.record(number, reading.attributes());
        }
      }
    }
  }

  /** One client metric; its attributes are worked out once, again when the client learns its cluster id. */
  private static final class Reading {
    final KafkaMetric metric;
    final KafkaMetricsReporter reporter;
    final int tagCount;
    private volatile Attributes attributes;
    private volatile String attributesClusterId;

    Reading(KafkaMetric metric, KafkaMetricsReporter reporter) {
      this.metric = metric;
      this.reporter = reporter;
      this.tagCount = metric.metricName().tags().size();
    }

    Attributes attributes() {
      String clusterId = reporter.clusterId();
      Attributes current = attributes;
      if (current == null || clusterId != attributesClusterId) { // the reporter keeps one string: same reference
        AttributesBuilder builder = Attributes.builder();
        for (Map.Entry<String, String> tag : metric.metricName().tags().entrySet()) {
          builder.put(tag.getKey(), tag.getValue());
        }
        if (clusterId != null) {
          builder.put(CLUSTER_ID, clusterId);
        }
        current = builder.build();
        attributes = current;
        attributesClusterId = clusterId;
      }
      return current;
    }
  }
}
