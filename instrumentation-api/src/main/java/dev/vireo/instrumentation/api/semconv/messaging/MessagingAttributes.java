package dev.vireo.instrumentation.api.semconv.messaging;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Messaging attribute keys: the current conventions (v1.27+) and, marked OLD, the keys the
 * OpenTelemetry agent still emits by default (written only with
 * {@code otel.semconv-stability.opt-in=messaging/dup}).
 */
public final class MessagingAttributes {

  public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  public static final AttributeKey<String> DESTINATION_NAME = AttributeKey.stringKey("messaging.destination.name");
  public static final AttributeKey<String> DESTINATION_PARTITION_ID =
      AttributeKey.stringKey("messaging.destination.partition.id");
  public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  public static final AttributeKey<String> CONSUMER_GROUP_NAME =
      AttributeKey.stringKey("messaging.consumer.group.name");
  public static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("messaging.client.id");
  public static final AttributeKey<Long> BATCH_MESSAGE_COUNT = AttributeKey.longKey("messaging.batch.message_count");

  /** Kafka: the record's offset in its partition. */
  public static final AttributeKey<Long> KAFKA_OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  /** Kafka: the record key, when it is printable text (same key in old and current conventions). */
  public static final AttributeKey<String> KAFKA_MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");

  public static final AttributeKey<String> OLD_OPERATION = AttributeKey.stringKey("messaging.operation");
  public static final AttributeKey<String> OLD_CLIENT_ID = AttributeKey.stringKey("messaging.client_id");
  public static final AttributeKey<String> OLD_KAFKA_CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.kafka.consumer.group");
  public static final AttributeKey<Long> OLD_KAFKA_MESSAGE_OFFSET =
      AttributeKey.longKey("messaging.kafka.message.offset");

  private MessagingAttributes() {}
}
