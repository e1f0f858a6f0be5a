package dev.vireo.instrumentation.api.semconv.messaging;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Messaging attribute keys: the current conventions (v1.27+) and, marked OLD, the keys the
 * OpenTelemetry agent still emits by default (written only with
 * {@code otel.semconv-stability.opt-in=messaging/dup}). Keys of one messaging system (Kafka's
 * offset, key, ...) belong to that system's module, which adds them with its own extractor.
 */
public final class MessagingAttributes {

  public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  public static final AttributeKey<String> DESTINATION_NAME = AttributeKey.stringKey("messaging.destination.name");
  public static final AttributeKey<Boolean> DESTINATION_TEMPORARY =
      AttributeKey.booleanKey("messaging.destination.temporary");
  /** The destination name of a temporary destination, whose real name is generated. */
  public static final String TEMPORARY_DESTINATION_NAME = "(temporary)";
  public static final AttributeKey<String> DESTINATION_PARTITION_ID =
      AttributeKey.stringKey("messaging.destination.partition.id");
  public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  public static final AttributeKey<String> MESSAGE_CONVERSATION_ID =
      AttributeKey.stringKey("messaging.message.conversation_id");
  public static final AttributeKey<Long> MESSAGE_BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  public static final AttributeKey<String> CONSUMER_GROUP_NAME =
      AttributeKey.stringKey("messaging.consumer.group.name");
  public static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("messaging.client.id");
  public static final AttributeKey<Long> BATCH_MESSAGE_COUNT = AttributeKey.longKey("messaging.batch.message_count");

  public static final AttributeKey<String> OLD_OPERATION = AttributeKey.stringKey("messaging.operation");
  public static final AttributeKey<String> OLD_CLIENT_ID = AttributeKey.stringKey("messaging.client_id");

  private MessagingAttributes() {}
}
