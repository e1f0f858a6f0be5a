package dev.vireo.instrumentation.grpc;

import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.opentelemetry.context.Scope;
import java.util.concurrent.TimeoutException;

/**
 * Runs every callback of a served call in the server span's context (closing the scope before
 * returning, so executor threads keep nothing), ends the span when the call is cancelled, and ends
 * it as UNKNOWN when the handler throws (gRPC then fails the call without {@code close}).
 */
final class TracingServerCallListener<REQ> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<REQ> {

  private final ServerCallSpan span;

  TracingServerCallListener(ServerCall.Listener<REQ> delegate, ServerCallSpan span) {
    super(delegate);
    this.span = span;
  }

  @Override
  public void onMessage(REQ message) {
    if (span.messages != null) {
      span.messages.received();
    }
    if (span.sizes != null) {
      span.sizes.request(ProtobufMessageSizes.of(message));
    }
    try (Scope ignored = span.context.makeCurrent()) {
      super.onMessage(message);
    } catch (RuntimeException | Error e) {
      span.end(Status.UNKNOWN.withCause(e));
      throw e;
    }
  }

  @Override
  public void onHalfClose() {
    try (Scope ignored = span.context.makeCurrent()) {
      super.onHalfClose();
    } catch (RuntimeException | Error e) {
      span.end(Status.UNKNOWN.withCause(e));
      throw e;
    }
  }

  @Override
  public void onReady() {
    try (Scope ignored = span.context.makeCurrent()) {
      super.onReady();
    }
  }

  @Override
  public void onCancel() {
    span.end(cancellationStatus());
    try (Scope ignored = span.context.makeCurrent()) {
      super.onCancel();
    }
  }

  @Override
  public void onComplete() {
    // close() has ended the span; this only covers a handler that completed without it.
    span.end(Status.OK);
    try (Scope ignored = span.context.makeCurrent()) {
      super.onComplete();
    }
  }

  /** The call's gRPC context tells a passed deadline from a cancellation by the client. */
  private static Status cancellationStatus() {
    try {
      io.grpc.Context grpcContext = io.grpc.Context.current();
      Deadline deadline = grpcContext.getDeadline();
      if (grpcContext.cancellationCause() instanceof TimeoutException
          || (deadline != null && deadline.isExpired())) {
        return Status.DEADLINE_EXCEEDED;
      }
    } catch (RuntimeException ignored) {
      // fall through: a cancellation without a readable deadline
    }
    return Status.CANCELLED;
  }
}
