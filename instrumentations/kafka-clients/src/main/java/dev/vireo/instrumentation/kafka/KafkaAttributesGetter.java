package dev.vireo.instrumentation.kafka;

/** What only Kafka knows about one messaging operation; null for what does not apply. */
interface KafkaAttributesGetter<REQUEST, RESPONSE> {

  /** The record's offset in its partition; null when not (yet) assigned. */
  default Long offset(REQUEST request, RESPONSE response) {
    return null;
  }

  /** The id of the cluster the client talks to; null while unknown. */
  default String clusterId(REQUEST request) {
    return null;
  }

  /** The record key as text; null when absent or not printable. */
  default String messageKey(REQUEST request) {
    return null;
  }

  /** The consumer group, for the older {@code messaging.kafka.consumer.group}. */
  default String consumerGroup(REQUEST request) {
    return null;
  }
}
