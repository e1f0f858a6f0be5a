package dev.vireo.instrumentation.kafka.metrics;

import org.apache.kafka.common.MetricName;

/**
 * The OpenTelemetry instrument a client metric is exported as, named as the OpenTelemetry agent names it: {@code
 * kafka.consumer.} or {@code kafka.producer.} by the metric's group ({@code consumer-fetch-manager-metrics}, {@code
 * producer-topic-metrics} ...), then the metric's name with {@code _} for {@code -} ({@code records-lag-max} becomes
 * {@code kafka.consumer.records_lag_max}). Groups of neither kind ({@code app-info}, {@code kafka-metrics-count}) are
 * not exported.
 */
final class KafkaInstrumentNames {

  private KafkaInstrumentNames() {}

  /** Null when the metric is not exported. */
  static String of(MetricName metric) {
    String group = metric.group();
    String prefix;
    if (group.startsWith("consumer")) {
      prefix = "kafka.consumer.";
    } else if (group.startsWith("producer")) {
      prefix = "kafka.producer.";
    } else {
      return null;
    }
    return prefix + metric.name().replace('-', '_');
  }

  /**
   * Whether the metric's statistic only grows (a total, exported as a monotonic sum); every other one (rates,
   * averages, maxima, values) is a gauge. Named, not referenced: the classes differ between client versions ({@code
   * Total} before 2.4, {@code CumulativeSum} and {@code CumulativeCount} since).
   */
  static boolean isCumulative(Object statistic) {
    if (statistic == null) {
      return false;
    }
    String kind = statistic.getClass().getName();
    return kind.equals("org.apache.kafka.common.metrics.stats.CumulativeSum")
        || kind.equals("org.apache.kafka.common.metrics.stats.CumulativeCount")
        || kind.equals("org.apache.kafka.common.metrics.stats.Total");
  }
}
