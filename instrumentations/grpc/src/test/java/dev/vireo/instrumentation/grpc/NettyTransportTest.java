package dev.vireo.instrumentation.grpc;

import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.net.InetSocketAddress;
import java.util.List;

/** The scenarios over a real loopback socket (grpc-netty-shaded, plaintext HTTP/2). */
class NettyTransportTest extends GrpcTransportScenarios {

  @Override
  ServerBuilder<?> serverBuilder() {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
  }

  @Override
  ManagedChannelBuilder<?> channelBuilder() {
    return NettyChannelBuilder.forAddress("127.0.0.1", port()).usePlaintext();
  }

  private int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  @Override
  List<AttributeAssertion> clientAddressAttributes(boolean peerKnown) {
    return loopbackClientAttributes(port(), peerKnown);
  }

  @Override
  List<AttributeAssertion> serverAddressAttributes() {
    return loopbackServerAttributes(port());
  }
}
