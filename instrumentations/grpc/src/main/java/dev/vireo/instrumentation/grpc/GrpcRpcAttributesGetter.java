package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.semconv.common.PortNumber;
import dev.vireo.instrumentation.api.semconv.rpc.RpcAttributesGetter;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Reads a {@link GrpcRequest} and the call's final {@link Status} for the RPC conventions. */
final class GrpcRpcAttributesGetter implements RpcAttributesGetter<GrpcRequest, Status> {

  static final GrpcRpcAttributesGetter INSTANCE = new GrpcRpcAttributesGetter();

  @Override
  public String system(GrpcRequest request) {
    return "grpc";
  }

  @Override
  public String service(GrpcRequest request) {
    return request.service();
  }

  @Override
  public String method(GrpcRequest request) {
    return request.method();
  }

  /** The host of the channel's authority: {@code host}, {@code host:port} or {@code [v6]:port}. */
  @Override
  public String serverAddress(GrpcRequest request) {
    String authority = request.authority();
    if (authority == null || authority.isEmpty()) {
      return null;
    }
    if (authority.charAt(0) == '[') {
      int close = authority.indexOf(']');
      return close > 0 ? authority.substring(1, close) : null;
    }
    int colon = authority.indexOf(':');
    if (colon < 0) {
      return authority;
    }
    return authority.indexOf(':', colon + 1) < 0 ? authority.substring(0, colon) : authority;
  }

  @Override
  public Integer serverPort(GrpcRequest request) {
    String authority = request.authority();
    if (authority == null) {
      return null;
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || colon == authority.length() - 1) {
      return null;
    }
    if (authority.charAt(0) == '[' ? authority.charAt(colon - 1) != ']' : authority.indexOf(':') != colon) {
      return null; // a bare IPv6 address, no port
    }
    int port = PortNumber.parse(authority, colon + 1);
    return port > 0 ? port : null;
  }

  @Override
  public String peerAddress(GrpcRequest request) {
    SocketAddress peer = request.peer();
    if (!(peer instanceof InetSocketAddress)) {
      return null;
    }
    InetSocketAddress socket = (InetSocketAddress) peer;
    InetAddress address = socket.getAddress();
    // Never a DNS lookup: the literal address, or the unresolved host as given.
    return address != null ? address.getHostAddress() : socket.getHostString();
  }

  @Override
  public Integer peerPort(GrpcRequest request) {
    SocketAddress peer = request.peer();
    return peer instanceof InetSocketAddress ? ((InetSocketAddress) peer).getPort() : null;
  }

  @Override
  public Integer statusCode(GrpcRequest request, Status status, Throwable error) {
    return status != null ? status.getCode().value() : null;
  }
}
