package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.semconv.common.Authority;
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

  /** The host of the call's authority (the channel's on the client, the {@code :authority} header on the server). */
  @Override
  public String serverAddress(GrpcRequest request) {
    return Authority.host(request.authority());
  }

  @Override
  public Integer serverPort(GrpcRequest request) {
    int port = Authority.port(request.authority());
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
