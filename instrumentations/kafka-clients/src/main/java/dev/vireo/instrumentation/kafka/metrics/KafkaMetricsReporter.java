package dev.vireo.instrumentation.kafka.metrics;

import dev.vireo.instrumentation.api.AgentLog;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.ClusterResource;
import org.apache.kafka.common.ClusterResourceListener;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * The reporter the agent adds to every producer's and consumer's {@code metric.reporters}: Kafka hands it each metric
 * the client registers and removes, and the cluster id once the client knows it. Nothing is read here: the exported
 * instruments read the metrics when the metric reader collects ({@link KafkaClientMetrics}), and the client's spans
 * ask {@link KafkaClusterIds} for the cluster id by the client's id.
 */
public final class KafkaMetricsReporter implements MetricsReporter, ClusterResourceListener {

  private volatile String clusterId;
  /** The client's {@code client.id} as Kafka resolved it (generated ids too), from its metrics' tags. */
  private volatile String clientId;

  /** Kafka makes it from its class, as any configured reporter. */
  public KafkaMetricsReporter() {}

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void init(List<KafkaMetric> metrics) {
    for (KafkaMetric metric : metrics) {
      metricChange(metric);
    }
  }

  @Override
  public void metricChange(KafkaMetric metric) {
    try {
      if (clientId == null) {
        learnClientId(metric.metricName().tags().get("client-id"));
      }
      KafkaClientMetrics.INSTANCE.add(metric, this);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.debug("kafka client metric {} not exported ({})", metric.metricName(), e.toString());
    }
  }

  @Override
  public void metricRemoval(KafkaMetric metric) {
    try {
      KafkaClientMetrics.INSTANCE.remove(metric, this);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.debug("kafka client metric {} not removed ({})", metric.metricName(), e.toString());
    }
  }

  private void learnClientId(String id) {
    if (id != null && !id.isEmpty()) {
      clientId = id;
      KafkaClusterIds.register(id, this);
    }
  }

  /** The client is closed: its metrics are no longer exported, its cluster id no longer looked up. */
  @Override
  public void close() {
    try {
      String id = clientId;
      if (id != null) {
        KafkaClusterIds.unregister(id, this);
      }
      KafkaClientMetrics.INSTANCE.removeAll(this);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.debug("kafka client metrics not removed ({})", e.toString());
    }
  }

  @Override
  public void onUpdate(ClusterResource cluster) {
    clusterId = cluster == null ? null : cluster.clusterId();
  }

  /** {@code messaging.kafka.cluster.id} of the client's metrics and spans; null until the client learnt it. */
  String clusterId() {
    return clusterId;
  }
}
