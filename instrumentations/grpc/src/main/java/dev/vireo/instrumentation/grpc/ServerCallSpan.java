package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.semconv.rpc.RpcMessageSizes;
import io.grpc.Status;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The span of one served call, ended exactly once: by the handler closing the call, by the client
 * cancelling (or the deadline passing), or by the handler throwing.
 */
final class ServerCallSpan {

  private static final AtomicIntegerFieldUpdater<ServerCallSpan> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ServerCallSpan.class, "ended");

  final Context context;
  /** Null unless message events are on. */
  final MessageEvents messages;
  /** Null unless the size metrics record. */
  final RpcMessageSizes sizes;

  private final GrpcRequest request;
  private volatile int ended;

  ServerCallSpan(Context context, GrpcRequest request) {
    this.context = context;
    this.request = request;
    this.messages = MessageEvents.ENABLED ? new MessageEvents(context) : null;
    this.sizes = RpcMessageSizes.of(context);
  }

  void end(Status status) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      return;
    }
    try {
      GrpcInstrumenters.SERVER.end(context, request, status, status.getCause());
    } catch (Throwable t) {
      AgentLog.debug("grpc: server span not ended cleanly: {}", t);
    }
  }
}
