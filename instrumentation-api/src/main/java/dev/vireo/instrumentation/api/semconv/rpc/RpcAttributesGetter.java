package dev.vireo.instrumentation.api.semconv.rpc;

/**
 * What an RPC instrumentation tells the shared RPC conventions about one call of its library. Return
 * null for what is unknown.
 */
public interface RpcAttributesGetter<REQUEST, RESPONSE> {

  /** {@code rpc.system}, e.g. {@code grpc}. Decides which status-code rules apply. */
  String system(REQUEST request);

  /** The fully qualified service, e.g. {@code demo.Inventory}. */
  String service(REQUEST request);

  /** The method within the service, e.g. {@code Reserve}. */
  String method(REQUEST request);

  /** The logical server the call is addressed to (the host of the channel's authority, of the server call's). */
  String serverAddress(REQUEST request);

  Integer serverPort(REQUEST request);

  /** The other end of the connection; read when the call ends, so it may be learned during the call. */
  String peerAddress(REQUEST request);

  Integer peerPort(REQUEST request);

  /** The system's numeric status code (gRPC: 0..16), or null when the call ended without one. */
  Integer statusCode(REQUEST request, RESPONSE response, Throwable error);
}
