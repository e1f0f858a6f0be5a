package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.AgentLog;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A client call whose CLIENT span starts in {@link #start} (the request metadata exists then, so the
 * context is injected into it) and ends when the call closes. A call that is never started has no
 * span, so nothing can leak.
 */
final class TracingClientCall<REQ, RESP> extends ForwardingClientCall.SimpleForwardingClientCall<REQ, RESP> {

  private final MethodDescriptor<REQ, RESP> method;
  private final String authority;
  private ClientCallSpan span;

  TracingClientCall(ClientCall<REQ, RESP> delegate, MethodDescriptor<REQ, RESP> method, String authority) {
    super(delegate);
    this.method = method;
    this.authority = authority;
  }

  @Override
  public void start(Listener<RESP> responseListener, Metadata headers) {
    ClientCallSpan span = startSpan(headers);
    this.span = span;
    if (span == null) {
      super.start(responseListener, headers);
      return;
    }
    // Interceptors below this one and the transport start inside the span.
    try (Scope ignored = span.context.makeCurrent()) {
      super.start(new TracingClientCallListener<>(responseListener, this, span), headers);
    } catch (RuntimeException | Error e) {
      span.end(Status.fromThrowable(e), null);
      throw e;
    }
  }

  @Override
  public void sendMessage(REQ message) {
    ClientCallSpan current = span;
    if (current != null && current.messages != null) {
      current.messages.sent();
    }
    if (current != null && current.sizes != null) {
      current.sizes.request(ProtobufMessageSizes.of(message));
    }
    super.sendMessage(message);
  }

  private ClientCallSpan startSpan(Metadata headers) {
    try {
      Context parent = Context.current();
      GrpcRequest request = GrpcRequest.client(method, headers, authority);
      if (!GrpcInstrumenters.CLIENT.shouldStart(parent, request)) {
        return null;
      }
      return new ClientCallSpan(parent, GrpcInstrumenters.CLIENT.start(parent, request), request);
    } catch (Throwable t) {
      AgentLog.debug("grpc: client span not started: {}", t);
      return null;
    }
  }
}
