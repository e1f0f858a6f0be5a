package dev.vireo.instrumentation.kafka.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster id of each live client, by its {@code client.id}, for {@code messaging.kafka.cluster.id} on its spans:
 * the agent's reporter in the client learns it from Kafka ({@code ClusterResourceListener}), the spans know only the
 * client's id. Clients whose reporter is switched off ({@code otel.instrumentation.kafka.metric-reporter.enabled=false})
 * or not yet told have none. Two live clients with one {@code client.id} (Kafka warns of it) share the later one's.
 */
public final class KafkaClusterIds {

  private static final Map<String, KafkaMetricsReporter> CLIENTS = new ConcurrentHashMap<>();

  private KafkaClusterIds() {}

  /** The cluster id of the client with this id; null when unknown. */
  public static String of(String clientId) {
    if (clientId == null) {
      return null;
    }
    KafkaMetricsReporter reporter = CLIENTS.get(clientId);
    return reporter == null ? null : reporter.clusterId();
  }

  static void register(String clientId, KafkaMetricsReporter reporter) {
    CLIENTS.put(clientId, reporter);
  }

  static void unregister(String clientId, KafkaMetricsReporter reporter) {
    CLIENTS.remove(clientId, reporter);
  }
}
