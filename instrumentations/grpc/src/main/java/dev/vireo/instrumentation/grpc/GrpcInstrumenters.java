package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.rpc.RpcInstrumenters;
import io.grpc.Status;

/** The client and server Instrumenters of grpc-java. */
final class GrpcInstrumenters {

  static final String NAME = "dev.vireo.grpc";

  static final Instrumenter<GrpcRequest, Status> CLIENT =
      RpcInstrumenters.client(NAME, GrpcRpcAttributes.INSTANCE, MetadataSetter.INSTANCE);

  static final Instrumenter<GrpcRequest, Status> SERVER =
      RpcInstrumenters.server(NAME, GrpcRpcAttributes.INSTANCE, MetadataGetter.INSTANCE);

  private GrpcInstrumenters() {}
}
