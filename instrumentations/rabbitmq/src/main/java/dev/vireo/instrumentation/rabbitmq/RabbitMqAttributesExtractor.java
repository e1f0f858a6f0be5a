package dev.vireo.instrumentation.rabbitmq;

import dev.vireo.instrumentation.api.AttributesExtractor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;

/** The {@code messaging.rabbitmq.*} attributes: the routing key (when not empty) and the delivery tag. */
final class RabbitMqAttributesExtractor implements AttributesExtractor<RabbitMessage, Void> {

  static final RabbitMqAttributesExtractor INSTANCE = new RabbitMqAttributesExtractor();

  static final AttributeKey<String> ROUTING_KEY = AttributeKey.stringKey("messaging.rabbitmq.destination.routing_key");
  static final AttributeKey<Long> DELIVERY_TAG = AttributeKey.longKey("messaging.rabbitmq.message.delivery_tag");

  private RabbitMqAttributesExtractor() {}

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, RabbitMessage message) {
    if (message.routingKey != null && !message.routingKey.isEmpty()) {
      attributes.put(ROUTING_KEY, message.routingKey);
    }
    if (message.deliveryTag != null) {
      attributes.put(DELIVERY_TAG, message.deliveryTag);
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes, Context context, RabbitMessage message, Void response, Throwable error) {}
}
