package dev.vireo.instrumentation.api.semconv.messaging;

/**
 * What a messaging library knows about one operation. {@code REQUEST} is what the operation is
 * about (a record to send, a polled batch, a record being processed), {@code RESPONSE} what the
 * broker answered (null when nothing or not yet). Any method may return null for "unknown".
 */
public interface MessagingAttributesGetter<REQUEST, RESPONSE> {

  /** {@code messaging.system}, e.g. {@code kafka}. */
  String system(REQUEST request);

  /** The topic/queue, or null when unknown or when a batch spans several. */
  String destination(REQUEST request);

  /** The system-specific operation name, e.g. {@code send}, {@code poll}, {@code process}. */
  String operationName(REQUEST request);

  /**
   * True for a destination the application created for itself alone (a JMS temporary queue or
   * topic): its generated name is not used; span name and destination are {@code (temporary)}.
   */
  default boolean temporaryDestination(REQUEST request) {
    return false;
  }

  default String destinationPartitionId(REQUEST request, RESPONSE response) {
    return null;
  }

  default String messageId(REQUEST request, RESPONSE response) {
    return null;
  }

  /** {@code messaging.message.conversation_id}: the id that ties a message to others (a JMS correlation id). */
  default String conversationId(REQUEST request) {
    return null;
  }

  /** {@code messaging.message.body.size}: the payload's size in bytes, for single-message operations. */
  default Long messageBodySize(REQUEST request) {
    return null;
  }

  default String clientId(REQUEST request) {
    return null;
  }

  default String consumerGroupName(REQUEST request) {
    return null;
  }

  /** For batch operations: how many messages; null for single-message operations. */
  default Long batchMessageCount(REQUEST request, RESPONSE response) {
    return null;
  }
}
