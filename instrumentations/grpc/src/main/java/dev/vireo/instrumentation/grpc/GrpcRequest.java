package dev.vireo.instrumentation.grpc;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One gRPC call as the RPC conventions see it: its method, its metadata (the propagation carrier),
 * the authority it was addressed to and the peer's socket address once known.
 */
final class GrpcRequest {

  private final String service;
  private final String method;
  private final Metadata metadata;
  private final String authority;
  private SocketAddress peer;

  private GrpcRequest(MethodDescriptor<?, ?> descriptor, Metadata metadata, String authority, SocketAddress peer) {
    // The service name is cached by the descriptor; the bare method name is cut once per call.
    this.service = descriptor.getServiceName();
    String bare = descriptor.getBareMethodName();
    this.method = bare != null ? bare : descriptor.getFullMethodName();
    this.metadata = metadata;
    this.authority = authority;
    this.peer = peer;
  }

  static GrpcRequest client(MethodDescriptor<?, ?> method, Metadata headers, String authority) {
    return new GrpcRequest(method, headers, authority, null);
  }

  static GrpcRequest server(MethodDescriptor<?, ?> method, Metadata headers, String authority, Attributes transport) {
    return new GrpcRequest(method, headers, authority, remoteAddress(transport));
  }

  /** e.g. {@code demo.Inventory} of {@code demo.Inventory/Reserve}; null without a slash. */
  String service() {
    return service;
  }

  /** e.g. {@code Reserve}. */
  String method() {
    return method;
  }

  Metadata metadata() {
    return metadata;
  }

  String authority() {
    return authority;
  }

  SocketAddress peer() {
    return peer;
  }

  /** Client side: the transport is known once the call has a stream. */
  void learnPeer(Attributes transport) {
    SocketAddress address = remoteAddress(transport);
    if (address != null) {
      peer = address;
    }
  }

  private static SocketAddress remoteAddress(Attributes transport) {
    if (transport == null) {
      return null;
    }
    SocketAddress address = transport.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    return address instanceof InetSocketAddress ? address : null;
  }
}
