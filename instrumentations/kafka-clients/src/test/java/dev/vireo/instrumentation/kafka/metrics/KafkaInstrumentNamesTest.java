package dev.vireo.instrumentation.kafka.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;
import org.junit.jupiter.api.Test;

class KafkaInstrumentNamesTest {

  @Test
  void aClientMetricIsNamedByItsKindOfClientAndItsNameWithUnderscores() {
    assertThat(KafkaInstrumentNames.of(name("records-lag-max", "consumer-fetch-manager-metrics")))
        .isEqualTo("kafka.consumer.records_lag_max");
    assertThat(KafkaInstrumentNames.of(name("commit-total", "consumer-coordinator-metrics")))
        .isEqualTo("kafka.consumer.commit_total");
    assertThat(KafkaInstrumentNames.of(name("record-send-total", "producer-topic-metrics")))
        .isEqualTo("kafka.producer.record_send_total");
    assertThat(KafkaInstrumentNames.of(name("request-latency-avg", "producer-node-metrics")))
        .isEqualTo("kafka.producer.request_latency_avg");
  }

  @Test
  void groupsOfNeitherKindAreNotExported() {
    assertThat(KafkaInstrumentNames.of(name("version", "app-info"))).isNull();
    assertThat(KafkaInstrumentNames.of(name("count", "kafka-metrics-count"))).isNull();
    assertThat(KafkaInstrumentNames.of(name("request-rate", "admin-client-metrics"))).isNull();
  }

  @Test
  void onlyTotalsAreSums() {
    assertThat(KafkaInstrumentNames.isCumulative(new CumulativeSum())).isTrue();
    assertThat(KafkaInstrumentNames.isCumulative(new CumulativeCount())).isTrue();
    assertThat(KafkaInstrumentNames.isCumulative(new Rate())).isFalse();
    assertThat(KafkaInstrumentNames.isCumulative(new Avg())).isFalse();
    assertThat(KafkaInstrumentNames.isCumulative(new Max())).isFalse();
    assertThat(KafkaInstrumentNames.isCumulative(new Value())).isFalse();
    assertThat(KafkaInstrumentNames.isCumulative(null)).isFalse();
  }

  private static MetricName name(String name, String group) {
    return new MetricName(name, group, "", Map.of("client-id", "c"));
  }
}
