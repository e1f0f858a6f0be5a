package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.semconv.rpc.RpcMessageSizes;
import io.grpc.Attributes;
import io.grpc.Status;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** The span of one client call: its contexts and request, ended exactly once. */
final class ClientCallSpan {

  private static final AtomicIntegerFieldUpdater<ClientCallSpan> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ClientCallSpan.class, "ended");

  /** The caller's context: the application's callbacks run in it. */
  final Context parent;
  /** The span's context. */
  final Context context;

  /** Null unless message events are on. */
  final MessageEvents messages;
  /** Null unless the size metrics record. */
  final RpcMessageSizes sizes;

  private final GrpcRequest request;
  private volatile int ended;

  ClientCallSpan(Context parent, Context context, GrpcRequest request) {
    this.parent = parent;
    this.context = context;
    this.request = request;
    this.messages = MessageEvents.ENABLED ? new MessageEvents(context) : null;
    this.sizes = RpcMessageSizes.of(context);
  }

  void end(Status status, Attributes transport) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      return;
    }
    try {
      request.learnPeer(transport);
      GrpcInstrumenters.CLIENT.end(context, request, status, status.getCause());
    } catch (Throwable t) {
      AgentLog.debug("grpc: client span not ended cleanly: {}", t);
    }
  }
}
