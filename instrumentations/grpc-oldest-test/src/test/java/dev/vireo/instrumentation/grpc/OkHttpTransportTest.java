package dev.vireo.instrumentation.grpc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.okhttp.OkHttpChannelBuilder;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
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
    List<AttributeAssertion> attributes = new ArrayList<>();
    attributes.add(equalTo(SERVER_ADDRESS, "127.0.0.1"));
    attributes.add(equalTo(SERVER_PORT, (long) port()));
    if (peerKnown) {
      attributes.add(equalTo(PEER_ADDRESS, "127.0.0.1"));
      attributes.add(equalTo(PEER_PORT, (long) port()));
      attributes.add(equalTo(NETWORK_TYPE, "ipv4"));
    }
    return attributes;
  }

  @Override
  List<AttributeAssertion> serverAddressAttributes() {
    return Arrays.asList(
        equalTo(SERVER_ADDRESS, "127.0.0.1"),
        equalTo(SERVER_PORT, (long) port()),
        equalTo(PEER_ADDRESS, "127.0.0.1"),
        positivePort(PEER_PORT),
        equalTo(NETWORK_TYPE, "ipv4"));
  }
}
