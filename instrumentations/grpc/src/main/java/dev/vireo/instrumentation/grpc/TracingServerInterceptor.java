package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.AgentLog;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Starts the SERVER span of each served call with the parent extracted from the request metadata,
 * and makes it current while the handler starts and in every callback of the call's listener.
 */
final class TracingServerInterceptor implements ServerInterceptor {

  static final TracingServerInterceptor INSTANCE = new TracingServerInterceptor();

  private TracingServerInterceptor() {}

  @Override
  public <REQ, RESP> ServerCall.Listener<REQ> interceptCall(
      ServerCall<REQ, RESP> call, Metadata headers, ServerCallHandler<REQ, RESP> next) {
    ServerCallSpan span = startSpan(call, headers);
    if (span == null) {
      return next.startCall(call, headers);
    }
    ServerCall.Listener<REQ> listener;
    try (Scope ignored = span.context.makeCurrent()) {
      listener = next.startCall(new TracingServerCall<>(call, span), headers);
    } catch (RuntimeException | Error e) {
      span.end(Status.fromThrowable(e));
      throw e;
    }
    return new TracingServerCallListener<>(listener, span);
  }

  private static ServerCallSpan startSpan(ServerCall<?, ?> call, Metadata headers) {
    try {
      Context parent = Context.current();
      GrpcRequest request = GrpcRequest.server(call.getMethodDescriptor(), headers, call.getAuthority(), call.getAttributes());
      if (!GrpcInstrumenters.SERVER.shouldStart(parent, request)) {
        return null;
      }
      return new ServerCallSpan(GrpcInstrumenters.SERVER.start(parent, request), request);
    } catch (Throwable t) {
      AgentLog.debug("grpc: server span not started: {}", t);
      return null;
    }
  }
}
