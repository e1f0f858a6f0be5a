package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.rpc.RpcInstrumenters;
import io.grpc.Status;

/** The client and server Instrumenters of grpc-java. */
final class GrpcInstrumenters {

  static final String NAME = InstrumentationScope.of(GrpcModule.NAME);

  static final Instrumenter<GrpcRequest, Status> CLIENT =
      RpcInstrumenters.client(NAME, GrpcRpcAttributesGetter.INSTANCE, MetadataSetter.INSTANCE);

  static final Instrumenter<GrpcRequest, Status> SERVER =
      RpcInstrumenters.server(NAME, GrpcRpcAttributesGetter.INSTANCE, MetadataGetter.INSTANCE);

  private GrpcInstrumenters() {}
}
