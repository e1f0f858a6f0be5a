package dev.vireo.instrumentation.rabbitmq;

import java.util.Map;

/**
 * One message as the spans see it: where it was published to, the queue it was taken from (null
 * when publishing) and its headers (the propagation carrier).
 */
final class RabbitMessage {

  final String exchange;
  final String routingKey;
  final String queue;
  final Long deliveryTag;
  final String messageId;
  final Map<String, Object> headers;
  final Long bodySize;

  RabbitMessage(
      String exchange,
      String routingKey,
      String queue,
      Long deliveryTag,
      String messageId,
      Map<String, Object> headers,
      Long bodySize) {
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.queue = queue;
    this.deliveryTag = deliveryTag;
    this.messageId = messageId;
    this.headers = headers;
    this.bodySize = bodySize;
  }
}
