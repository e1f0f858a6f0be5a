package dev.vireo.instrumentation.grpc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.util.Collections;
import java.util.List;

/** The scenarios over grpc's in-process transport: no socket, so no network.peer.* or network.type attributes. */
class InProcessTransportTest extends GrpcTransportScenarios {

  private static final String NAME = "vireo-inventory";

  @Override
  ServerBuilder<?> serverBuilder() {
    return InProcessServerBuilder.forName(NAME);
  }

  @Override
  ManagedChannelBuilder<?> channelBuilder() {
    return InProcessChannelBuilder.forName(NAME);
  }

  @Override
  List<AttributeAssertion> clientAddressAttributes(boolean peerKnown) {
    return Collections.singletonList(equalTo(SERVER_ADDRESS, "localhost"));
  }

  @Override
  List<AttributeAssertion> serverAddressAttributes() {
    // the in-process channel's authority, as the server call sees it
    return Collections.singletonList(equalTo(SERVER_ADDRESS, "localhost"));
  }
}
