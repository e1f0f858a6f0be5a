package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.semconv.rpc.RpcMessageEvents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * SENT/RECEIVED events on a call's span, on by default as in the OpenTelemetry agent; {@code
 * otel.instrumentation.grpc.emit-message-events=false} leaves them out. gRPC never calls one direction of a call
 * concurrently, so each direction's counter is touched by one thread at a time.
 */
final class MessageEvents {

  static final boolean ENABLED =
      InstrumentationConfig.get().getBoolean("otel.instrumentation.grpc.emit-message-events", true);

  private final Span span;
  private long sent;
  private long received;

  MessageEvents(Context context) {
    this.span = Span.fromContext(context);
  }

  void sent() {
    RpcMessageEvents.sent(span, ++sent);
  }

  void received() {
    RpcMessageEvents.received(span, ++received);
  }
}
