package dev.vireo.instrumentation.api.semconv.rpc;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;

/**
 * Per-message span events of streaming RPCs, named as the OpenTelemetry Java agent names them: event
 * {@code message} with {@code message.type} SENT/RECEIVED and {@code message.id} counting from 1 per
 * direction. On by default, as there; an instrumentation's setting switches them off.
 */
public final class RpcMessageEvents {

  static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("message.type");
  static final AttributeKey<Long> MESSAGE_ID = AttributeKey.longKey("message.id");

  private RpcMessageEvents() {}

  public static void sent(Span span, long id) {
    span.addEvent("message", Attributes.of(MESSAGE_TYPE, "SENT", MESSAGE_ID, id));
  }

  public static void received(Span span, long id) {
    span.addEvent("message", Attributes.of(MESSAGE_TYPE, "RECEIVED", MESSAGE_ID, id));
  }
}
