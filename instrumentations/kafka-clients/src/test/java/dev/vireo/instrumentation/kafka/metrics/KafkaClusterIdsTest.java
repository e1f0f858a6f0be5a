package dev.vireo.instrumentation.kafka.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.ClusterResource;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

/** The cluster id a client's spans get, through the reporter in that client's metrics (real Kafka registries). */
class KafkaClusterIdsTest {

  @Test
  void aClientsClusterIdIsKnownByItsIdFromTheClusterUpdateUntilItCloses() {
    KafkaMetricsReporter reporter = new KafkaMetricsReporter();
    Metrics metrics = new Metrics(new MetricConfig().tags(Map.of("client-id", "ids-producer")), List.of(reporter),
        Time.SYSTEM);

    assertThat(KafkaClusterIds.of("ids-producer")).isNull(); // the client has not asked the broker yet
    reporter.onUpdate(new ClusterResource("cluster-a"));
    assertThat(KafkaClusterIds.of("ids-producer")).isEqualTo("cluster-a");
    assertThat(KafkaClusterIds.of("another-client")).isNull();
    assertThat(KafkaClusterIds.of(null)).isNull();

    metrics.close(); // closes its reporters, as a closing client does
    assertThat(KafkaClusterIds.of("ids-producer")).isNull();
  }

  @Test
  void aClosedClientDoesNotTakeAwayTheIdOfALaterClientWithTheSameId() {
    KafkaMetricsReporter first = new KafkaMetricsReporter();
    Metrics firstMetrics = new Metrics(new MetricConfig().tags(Map.of("client-id", "reused-id")), List.of(first),
        Time.SYSTEM);
    first.onUpdate(new ClusterResource("cluster-a"));
    KafkaMetricsReporter second = new KafkaMetricsReporter();
    Metrics secondMetrics = new Metrics(new MetricConfig().tags(Map.of("client-id", "reused-id")), List.of(second),
        Time.SYSTEM);
    second.onUpdate(new ClusterResource("cluster-b"));

    firstMetrics.close();
    assertThat(KafkaClusterIds.of("reused-id")).isEqualTo("cluster-b");
    secondMetrics.close();
    assertThat(KafkaClusterIds.of("reused-id")).isNull();
  }
}
