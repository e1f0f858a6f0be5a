package dev.vireo.instrumentation.grpc;

import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.okhttp.OkHttpChannelBuilder;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The scenarios with grpc's OkHttp client transport over loopback to a Netty server. Here only: no
 * grpc-okhttp matching the current grpc-java is published.
 */
class OkHttpTransportTest extends GrpcTransportScenarios {

  @Override
  ServerBuilder<?> serverBuilder() {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
  }

  @Override
  ManagedChannelBuilder<?> channelBuilder() {
    return OkHttpChannelBuilder.forAddress("127.0.0.1", port()).usePlaintext();
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
