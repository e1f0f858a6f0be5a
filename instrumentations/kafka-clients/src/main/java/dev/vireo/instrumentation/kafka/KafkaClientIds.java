package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.VirtualField;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A client's {@code client.id} as Kafka resolved it (including generated ids such as
 * {@code producer-1}), read from the tags of its metrics: every client version has them, while the
 * field holding the id differs between versions. Looked up once per client.
 */
final class KafkaClientIds {

  private static final String UNKNOWN = "";
  private static final VirtualField<KafkaProducer<?, ?>, String> PRODUCER_IDS = VirtualField.create();

  private KafkaClientIds() {}

  static String of(KafkaProducer<?, ?> producer) {
    String id = PRODUCER_IDS.get(producer);
    if (id == null) {
      id = fromMetrics(producer.metrics());
      PRODUCER_IDS.set(producer, id == null ? UNKNOWN : id);
    }
    return id == null || id.isEmpty() ? null : id;
  }

  static String fromMetrics(Map<MetricName, ? extends Metric> metrics) {
    try {
      for (MetricName name : metrics.keySet()) {
        String id = name.tags().get("client-id");
        if (id != null && !id.isEmpty()) {
          return id;
        }
      }
    } catch (RuntimeException e) {
      // a closed client: no id
    }
    return null;
  }
}
