package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.semconv.messaging.MessagingAttributesGetter;

/** The messaging facts of one JMS operation on one message. */
final class JmsAttributesGetter implements MessagingAttributesGetter<JmsMessage, Void> {

  static final JmsAttributesGetter SEND = new JmsAttributesGetter("send");
  static final JmsAttributesGetter RECEIVE = new JmsAttributesGetter("receive");
  static final JmsAttributesGetter PROCESS = new JmsAttributesGetter("process");

  private final String operationName;

  private JmsAttributesGetter(String operationName) {
    this.operationName = operationName;
  }

  @Override
  public String system(JmsMessage message) {
    return "jms";
  }

  @Override
  public String destination(JmsMessage message) {
    return message.destinationName;
  }

  @Override
  public boolean temporaryDestination(JmsMessage message) {
    return message.temporary;
  }

  @Override
  public String operationName(JmsMessage message) {
    return operationName;
  }

  @Override
  public String conversationId(JmsMessage message) {
    return message.correlationId();
  }

  @Override
  public String messageId(JmsMessage message, Void response) {
    // Assigned by the provider during send: read when the span ends.
    return message.messageId();
  }
}
