package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.VirtualField;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** The {@link ConsumerInfo} of each consumer. */
final class KafkaConsumers {

  private static final VirtualField<KafkaConsumer<?, ?>, ConsumerInfo> INFO = VirtualField.create();

  private KafkaConsumers() {}

  static void created(KafkaConsumer<?, ?> consumer, ConsumerConfig config) {
    String groupId = null;
    try {
      groupId = config.getString("group.id");
    } catch (RuntimeException e) {
      // not a known config in this version
    }
    INFO.set(consumer, new ConsumerInfo(groupId == null || groupId.isEmpty() ? null : groupId));
  }

  /** Called on the polling thread, where the consumer may be used (it is not thread-safe). */
  static ConsumerInfo info(KafkaConsumer<?, ?> consumer) {
    ConsumerInfo info = INFO.get(consumer);
    if (info == null) {
      info = new ConsumerInfo(null); // created before the agent was installed
      INFO.set(consumer, info);
    }
    if (!info.clientIdResolved) {
      info.clientId = KafkaClientIds.fromMetrics(consumer.metrics());
      info.clientIdResolved = true;
    }
    return info;
  }
}
