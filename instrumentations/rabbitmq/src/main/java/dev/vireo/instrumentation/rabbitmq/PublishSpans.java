package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * The PRODUCER span of one {@code basicPublish}. Message properties are immutable, so the message
 * is published with a copy whose headers carry the trace context.
 */
final class PublishSpans {

  static final Instrumenter<RabbitMessage, Void> INSTRUMENTER =
      MessagingInstrumenters.producer(
          RabbitMqInstrumentationName.NAME,
          RabbitMqAttributesGetter.PUBLISH,
          MessageHeaders.INSTANCE,
          RabbitMqAttributesExtractor.INSTANCE);

  private PublishSpans() {}

  /** {properties to publish, the message, its context, the scope}; untraced: only the properties. */
  static Object[] start(String exchange, String routingKey, AMQP.BasicProperties properties) {
    Object[] untraced = {properties, null, null, null};
    Context parent = Context.current();
    Map<String, Object> headers = new HashMap<>();
    if (properties != null && properties.getHeaders() != null) {
      headers.putAll(properties.getHeaders());
    }
    RabbitMessage message =
        new RabbitMessage(
            exchange, routingKey, null, null, properties == null ? null : properties.getMessageId(), headers, null);
    if (!INSTRUMENTER.shouldStart(parent, message)) {
      return untraced;
    }
    Context context = INSTRUMENTER.start(parent, message);
    AMQP.BasicProperties withHeaders;
    try {
      AMQP.BasicProperties.Builder builder =
          properties == null ? new AMQP.BasicProperties.Builder() : properties.builder();
      withHeaders = builder.headers(headers).build();
    } catch (RuntimeException e) {
      AgentLog.debug("rabbitmq: trace context not added to the message properties: {}", e);
      withHeaders = properties;
    }
    return new Object[] {withHeaders, message, context, context.makeCurrent()};
  }

  static void end(Object[] state, Throwable thrown) {
    if (state == null || !(state[1] instanceof RabbitMessage) || !(state[2] instanceof Context)) {
      return;
    }
    if (state[3] instanceof Scope) {
      ((Scope) state[3]).close();
    }
    INSTRUMENTER.end((Context) state[2], (RabbitMessage) state[1], null, thrown);
  }
}
