package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageProducer;

/**
 * The PRODUCER span of one send: the context goes into the message properties before the provider
 * sees the message; the span ends when send returns (JMS sends are synchronous unless a completion
 * listener is given, which the span does not wait for).
 */
final class ProducerSpans {

  static final Instrumenter<JmsMessage, Void> INSTRUMENTER =
      MessagingInstrumenters.producer(JmsInstrumentationName.NAME, JmsAttributesGetter.SEND, MessageProperties.INSTANCE);

  private ProducerSpans() {}

  /** {message, context, scope}, or null when not traced. */
  static Object[] start(MessageProducer producer, Destination destination, Message message) {
    if (message == null) {
      return null;
    }
    Context parent = Context.current();
    JmsMessage request = JmsMessage.of(message, destination != null ? destination : destinationOf(producer));
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return null;
    }
    Context context = INSTRUMENTER.start(parent, request);
    return new Object[] {request, context, context.makeCurrent()};
  }

  static void end(Object[] span, Throwable thrown) {
    if (span == null) {
      return;
    }
    ((Scope) span[2]).close();
    INSTRUMENTER.end((Context) span[1], (JmsMessage) span[0], null, thrown);
  }

  private static Destination destinationOf(MessageProducer producer) {
    if (producer == null) {
      return null;
    }
    try {
      return producer.getDestination();
    } catch (JMSException | RuntimeException e) {
      return null; // closed producer: send will fail and say so
    }
  }
}
