package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.semconv.common.SemconvStability;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;

/**
 * The {@code messaging.kafka.*} attributes, added to the messaging conventions' spans: the cluster id, the record's
 * key and offset, and under {@code messaging/dup} the older offset and consumer group keys.
 */
final class KafkaAttributesExtractor<REQUEST, RESPONSE> implements AttributesExtractor<REQUEST, RESPONSE> {

  /** The record's offset in its partition. */
  static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  /** The cluster the client talks to, once the client knows its id (as the OpenTelemetry agent's Kafka spans). */
  static final AttributeKey<String> CLUSTER_ID = AttributeKey.stringKey("messaging.kafka.cluster.id");
  /** The record key, when it is printable text (same key in old and current conventions). */
  static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");

  static final AttributeKey<String> OLD_CONSUMER_GROUP = AttributeKey.stringKey("messaging.kafka.consumer.group");
  static final AttributeKey<Long> OLD_MESSAGE_OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");

  private final KafkaAttributesGetter<REQUEST, RESPONSE> getter;
  private final boolean emitOld = SemconvStability.emitOldMessaging();

  KafkaAttributesExtractor(KafkaAttributesGetter<REQUEST, RESPONSE> getter) {
    this.getter = getter;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {
    putIfNotNull(attributes, MESSAGE_KEY, getter.messageKey(request));
    Long offset = getter.offset(request, null);
    putIfNotNull(attributes, OFFSET, offset);
    if (emitOld) {
      putIfNotNull(attributes, OLD_CONSUMER_GROUP, getter.consumerGroup(request));
      putIfNotNull(attributes, OLD_MESSAGE_OFFSET, offset);
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes, Context context, REQUEST request, RESPONSE response, Throwable error) {
    // asked once, at the end: a new client's first send or poll starts before it asked the broker
    putIfNotNull(attributes, CLUSTER_ID, getter.clusterId(request));
    if (response == null) {
      return;
    }
    // What only the broker's answer tells: the offset a sent record got.
    Long offset = getter.offset(request, response);
    putIfNotNull(attributes, OFFSET, offset);
    if (emitOld) {
      putIfNotNull(attributes, OLD_MESSAGE_OFFSET, offset);
    }
  }

  private static <T> void putIfNotNull(AttributesBuilder attributes, AttributeKey<T> key, T value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
