package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The CONSUMER span of one delivery a consumer handles: a child of the publisher's context (read
 * from the message headers), current while the application's {@code handleDelivery} runs.
 */
final class ProcessSpans {

  static final Instrumenter<RabbitMessage, Void> INSTRUMENTER =
      MessagingInstrumenters.process(
          RabbitMqInstrumentationName.NAME,
          RabbitMqAttributesGetter.PROCESS,
          MessageHeaders.INSTANCE,
          RabbitMqAttributesExtractor.INSTANCE);

  private ProcessSpans() {}

  static RabbitMessage message(String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    return new RabbitMessage(
        envelope == null ? null : envelope.getExchange(),
        envelope == null ? null : envelope.getRoutingKey(),
        queue,
        envelope == null ? null : envelope.getDeliveryTag(),
        properties == null ? null : properties.getMessageId(),
        properties == null ? null : properties.getHeaders(),
        body == null ? null : (long) body.length);
  }

  /** {message, context, scope}, or null when not traced. Never throws. */
  static Object[] start(String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    try {
      Context parent = Context.current();
      RabbitMessage message = message(queue, envelope, properties, body);
      if (!INSTRUMENTER.shouldStart(parent, message)) {
        return null;
      }
      Context context = INSTRUMENTER.start(parent, message);
      return new Object[] {message, context, context.makeCurrent()};
    } catch (Throwable t) {
      AgentLog.debug("rabbitmq: process span not started: {}", t);
      return null;
    }
  }

  static void end(Object[] span, Throwable thrown) {
    if (span == null) {
      return;
    }
    try {
      ((Scope) span[2]).close();
      INSTRUMENTER.end((Context) span[1], (RabbitMessage) span[0], null, thrown);
    } catch (Throwable t) {
      AgentLog.debug("rabbitmq: process span not ended: {}", t);
    }
  }
}
