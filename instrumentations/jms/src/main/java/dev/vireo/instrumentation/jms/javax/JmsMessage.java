package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.AgentLog;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.Queue;
import javax.jms.TemporaryQueue;
import javax.jms.TemporaryTopic;
import javax.jms.Topic;

/** A message and the destination it is sent to or came from, named once for the span. */
final class JmsMessage {

  final Message message;
  final String destinationName;
  final boolean temporary;

  private JmsMessage(Message message, String destinationName, boolean temporary) {
    this.message = message;
    this.destinationName = destinationName;
    this.temporary = temporary;
  }

  /** {@code destination} null: the one the message names (a received message's). */
  static JmsMessage of(Message message, Destination destination) {
    Destination named = destination;
    if (named == null) {
      try {
        named = message.getJMSDestination();
      } catch (JMSException | RuntimeException e) {
        AgentLog.debug("jms: destination of a message unknown: {}", e);
      }
    }
    if (named instanceof TemporaryQueue || named instanceof TemporaryTopic) {
      return new JmsMessage(message, null, true);
    }
    String name = null;
    try {
      if (named instanceof Queue) {
        name = ((Queue) named).getQueueName();
      } else if (named instanceof Topic) {
        name = ((Topic) named).getTopicName();
      }
    } catch (JMSException | RuntimeException e) {
      AgentLog.debug("jms: destination name unknown: {}", e);
    }
    return new JmsMessage(message, name, false);
  }

  String messageId() {
    try {
      return message.getJMSMessageID();
    } catch (JMSException | RuntimeException e) {
      return null;
    }
  }

  String correlationId() {
    try {
      return message.getJMSCorrelationID();
    } catch (JMSException | RuntimeException e) {
      return null;
    }
  }
}
