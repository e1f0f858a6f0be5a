package dev.vireo.instrumentation.rabbitmq;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;

/**
 * The messaging facts of one RabbitMQ operation. A publish is named by its exchange ({@code
 * (default)} for the default exchange, whose name is empty); basicGet and deliveries by the queue
 * the message was taken from.
 */
final class RabbitMqAttributesGetter implements MessagingAttributesGetter<RabbitMessage, Void> {

  static final RabbitMqAttributesGetter PUBLISH = new RabbitMqAttributesGetter("publish");
  static final RabbitMqAttributesGetter RECEIVE = new RabbitMqAttributesGetter("receive");
  static final RabbitMqAttributesGetter PROCESS = new RabbitMqAttributesGetter("process");

  /** What the conventions call the default exchange, whose real name is the empty string. */
  static final String DEFAULT_EXCHANGE = "(default)";

  private final String operationName;

  private RabbitMqAttributesGetter(String operationName) {
    this.operationName = operationName;
  }

  @Override
  public String system(RabbitMessage message) {
    return "rabbitmq";
  }

  @Override
  public String destination(RabbitMessage message) {
    if (message.queue != null) {
      // "" (the queue last declared on the channel) says nothing: the span is named by the operation
      return message.queue.isEmpty() ? null : message.queue;
    }
    return message.exchange == null || message.exchange.isEmpty() ? DEFAULT_EXCHANGE : message.exchange;
  }

  @Override
  public String operationName(RabbitMessage message) {
    return operationName;
  }

  @Override
  public String messageId(RabbitMessage message, Void response) {
    return message.messageId;
  }

  @Override
  public Long messageBodySize(RabbitMessage message) {
    return message.bodySize;
  }
}
