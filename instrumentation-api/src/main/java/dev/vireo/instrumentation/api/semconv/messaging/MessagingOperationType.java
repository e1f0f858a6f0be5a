package dev.vireo.instrumentation.api.semconv.messaging;

import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.SpanKind;

/**
 * The kinds of messaging operation Vireo traces, with what each implies: the
 * {@code messaging.operation.type} value, the span kind, the span family (nested operations of the
 * same kind yield one span) and the older {@code messaging.operation} value.
 */
public enum MessagingOperationType {
  /** Sending one message; the context travels in the message. */
  SEND("send", "publish", SpanKind.PRODUCER, SpanFamily.MESSAGING_PRODUCER),
  /** Pulling a batch of messages from the broker (a Kafka poll). */
  RECEIVE("receive", "receive", SpanKind.CLIENT, SpanFamily.MESSAGING_RECEIVE),
  /** The application processing one delivered message; parent is the sender's context. */
  PROCESS("process", "process", SpanKind.CONSUMER, SpanFamily.MESSAGING_PROCESS);

  final String value;
  final String oldValue;
  final SpanKind spanKind;
  final SpanFamily family;

  MessagingOperationType(String value, String oldValue, SpanKind spanKind, SpanFamily family) {
    this.value = value;
    this.oldValue = oldValue;
    this.spanKind = spanKind;
    this.family = family;
  }

  /** The {@code messaging.operation.type} value. */
  public String value() {
    return value;
  }
}
