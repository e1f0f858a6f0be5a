package dev.vireo.instrumentation.api.semconv.messaging;

import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.BATCH_MESSAGE_COUNT;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.CLIENT_ID;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.CONSUMER_GROUP_NAME;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.DESTINATION_NAME;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.DESTINATION_PARTITION_ID;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.DESTINATION_TEMPORARY;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.MESSAGE_BODY_SIZE;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.MESSAGE_CONVERSATION_ID;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.MESSAGE_ID;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.OLD_CLIENT_ID;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.OLD_OPERATION;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.OPERATION_NAME;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.OPERATION_TYPE;
import static dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributes.SYSTEM;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.semconv.common.CommonAttributes;
import dev.vireo.instrumentation.api.semconv.common.ErrorTypes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;

/**
 * The messaging span attributes, written once for every messaging library. Keys of one system only
 * come from the extractors its module adds to {@link MessagingInstrumenters}.
 */
final class MessagingSpanAttributes<REQUEST, RESPONSE> implements AttributesExtractor<REQUEST, RESPONSE> {

  private final MessagingAttributesGetter<REQUEST, RESPONSE> getter;
  private final MessagingOperationType type;
  private final boolean emitOld;

  MessagingSpanAttributes(
      MessagingAttributesGetter<REQUEST, RESPONSE> getter, MessagingOperationType type, boolean emitOld) {
    this.getter = getter;
    this.type = type;
    this.emitOld = emitOld;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {
    String system = getter.system(request);
    putIfNotNull(attributes, SYSTEM, system);
    if (getter.temporaryDestination(request)) {
      attributes.put(DESTINATION_TEMPORARY, true);
      attributes.put(DESTINATION_NAME, MessagingAttributes.TEMPORARY_DESTINATION_NAME);
    } else {
      putIfNotNull(attributes, DESTINATION_NAME, getter.destination(request));
    }
    attributes.put(OPERATION_TYPE, type.value);
    String operationName = getter.operationName(request);
    attributes.put(OPERATION_NAME, operationName != null ? operationName : type.value);
    putIfNotNull(attributes, DESTINATION_PARTITION_ID, getter.destinationPartitionId(request, null));
    String clientId = getter.clientId(request);
    putIfNotNull(attributes, CLIENT_ID, clientId);
    String group = getter.consumerGroupName(request);
    putIfNotNull(attributes, CONSUMER_GROUP_NAME, group);
    putIfNotNull(attributes, MESSAGE_CONVERSATION_ID, getter.conversationId(request));
    putIfNotNull(attributes, MESSAGE_BODY_SIZE, getter.messageBodySize(request));
    Long count = getter.batchMessageCount(request, null);
    putIfNotNull(attributes, BATCH_MESSAGE_COUNT, count);
    if (emitOld) {
      attributes.put(OLD_OPERATION, type.oldValue);
      putIfNotNull(attributes, OLD_CLIENT_ID, clientId);
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes, Context context, REQUEST request, RESPONSE response, Throwable error) {
    if (response != null) {
      // What only the broker's answer tells (e.g. the partition and offset a sent record got).
      putIfNotNull(attributes, DESTINATION_PARTITION_ID, getter.destinationPartitionId(request, response));
      putIfNotNull(attributes, MESSAGE_ID, getter.messageId(request, response));
      putIfNotNull(attributes, BATCH_MESSAGE_COUNT, getter.batchMessageCount(request, response));
    } else {
      putIfNotNull(attributes, MESSAGE_ID, getter.messageId(request, null));
    }
    if (error != null) {
      attributes.put(CommonAttributes.ERROR_TYPE, ErrorTypes.of(error));
    }
  }

  private static <T> void putIfNotNull(AttributesBuilder attributes, AttributeKey<T> key, T value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
