package dev.vireo.instrumentation.api.semconv.rpc;

import dev.vireo.instrumentation.api.semconv.common.ErrorTypes;

/**
 * Whether a call failed and its {@code error.type}, by the rules of its RPC system: for gRPC the
 * status code decides (see {@link GrpcStatusCodes}), otherwise a thrown error does.
 */
final class RpcOutcome {

  private static final String GRPC = "grpc";

  private RpcOutcome() {}

  static boolean failed(boolean client, String system, Integer statusCode, Throwable error) {
    if (statusCode != null && GRPC.equals(system)) {
      int code = statusCode;
      return client ? GrpcStatusCodes.isClientError(code) : GrpcStatusCodes.isServerError(code);
    }
    return error != null;
  }

  /** Only meaningful when {@link #failed} is true. */
  static String errorType(String system, Integer statusCode, Throwable error) {
    if (statusCode != null && GRPC.equals(system)) {
      return GrpcStatusCodes.name(statusCode);
    }
    return ErrorTypes.of(error);
  }

  static boolean hasGrpcStatus(String system, Integer statusCode) {
    return statusCode != null && GRPC.equals(system);
  }
}
