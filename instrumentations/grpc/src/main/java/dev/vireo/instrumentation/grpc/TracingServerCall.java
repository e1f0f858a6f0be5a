package dev.vireo.instrumentation.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/** Ends the server span with the status the handler closes the call with. */
final class TracingServerCall<REQ, RESP> extends ForwardingServerCall.SimpleForwardingServerCall<REQ, RESP> {

  private final ServerCallSpan span;

  TracingServerCall(ServerCall<REQ, RESP> delegate, ServerCallSpan span) {
    super(delegate);
    this.span = span;
  }

  @Override
  public void sendMessage(RESP message) {
    if (span.messages != null) {
      span.messages.sent();
    }
    if (span.sizes != null) {
      span.sizes.response(ProtobufMessageSizes.of(message));
    }
    super.sendMessage(message);
  }

  @Override
  public void close(Status status, Metadata trailers) {
    // Ended before the status goes out, so the span is complete when the client sees the result.
    span.end(status);
    super.close(status, trailers);
  }
}
