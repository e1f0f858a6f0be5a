package dev.vireo.instrumentation.grpc;

import io.grpc.Attributes;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.Status;
import io.opentelemetry.context.Scope;

/**
 * Ends the client span when the call closes, and runs the application's response callbacks in the
 * caller's context (not the span's: a call made from a callback is a sibling, not a suppressed
 * nested client call). Each callback's scope is closed before it returns, so the callback thread
 * keeps nothing.
 */
final class TracingClientCallListener<RESP>
    extends ForwardingClientCallListener.SimpleForwardingClientCallListener<RESP> {

  private final ClientCall<?, RESP> call;
  private final ClientCallSpan span;

  TracingClientCallListener(ClientCall.Listener<RESP> delegate, ClientCall<?, RESP> call, ClientCallSpan span) {
    super(delegate);
    this.call = call;
    this.span = span;
  }

  @Override
  public void onHeaders(Metadata headers) {
    try (Scope ignored = span.parent.makeCurrent()) {
      super.onHeaders(headers);
    }
  }

  @Override
  public void onMessage(RESP message) {
    if (span.messages != null) {
      span.messages.received();
    }
    if (span.sizes != null) {
      span.sizes.response(ProtobufMessageSizes.of(message));
    }
    try (Scope ignored = span.parent.makeCurrent()) {
      super.onMessage(message);
    }
  }

  @Override
  public void onReady() {
    try (Scope ignored = span.parent.makeCurrent()) {
      super.onReady();
    }
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    span.end(status, transportAttributes());
    try (Scope ignored = span.parent.makeCurrent()) {
      super.onClose(status, trailers);
    }
  }

  private Attributes transportAttributes() {
    try {
      return call.getAttributes();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
