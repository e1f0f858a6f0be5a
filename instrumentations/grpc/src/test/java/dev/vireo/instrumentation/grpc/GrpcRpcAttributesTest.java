package dev.vireo.instrumentation.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gRPC-specific pieces without a call: authority parsing, metadata access. */
class GrpcRpcAttributesTest {

  private static GrpcRequest clientRequest(String authority, Metadata headers) {
    return GrpcRequest.client(InventoryService.RESERVE, headers, authority);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "inventory.internal:8443, inventory.internal, 8443",
        "inventory.internal, inventory.internal, NULL",
        "127.0.0.1:50051, 127.0.0.1, 50051",
        "[::1]:443, ::1, 443",
        "[::1], ::1, NULL",
        "::1, ::1, NULL",
        "host:99999, host, NULL",
        "host:, host, NULL",
        "host:8x, host, NULL"
      },
      nullValues = "NULL")
  void serverAddressAndPortComeFromTheAuthority(String authority, String address, Integer port) {
    GrpcRequest request = clientRequest(authority, new Metadata());
    assertThat(GrpcRpcAttributesGetter.INSTANCE.serverAddress(request)).isEqualTo(address);
    assertThat(GrpcRpcAttributesGetter.INSTANCE.serverPort(request)).isEqualTo(port);
  }

  @Test
  void serviceAndMethodComeFromTheDescriptor() {
    GrpcRequest request = clientRequest("h:1", new Metadata());
    assertThat(GrpcRpcAttributesGetter.INSTANCE.service(request)).isEqualTo("demo.Inventory");
    assertThat(GrpcRpcAttributesGetter.INSTANCE.method(request)).isEqualTo("Reserve");
  }

  @Test
  void serverPeerIsTheLiteralRemoteAddressWithoutLookup() {
    Attributes transport =
        Attributes.newBuilder()
            .set(Grpc.TRANSPORT_ATTR_REMOTE_ADDR, new InetSocketAddress("127.0.0.1", 40123))
            .build();
    GrpcRequest request = GrpcRequest.server(InventoryService.RESERVE, new Metadata(), "[::1]:50051", transport);
    assertThat(GrpcRpcAttributesGetter.INSTANCE.peerAddress(request)).isEqualTo("127.0.0.1");
    assertThat(GrpcRpcAttributesGetter.INSTANCE.peerPort(request)).isEqualTo(40123);
    // the server call's authority: what the client addressed
    assertThat(GrpcRpcAttributesGetter.INSTANCE.serverAddress(request)).isEqualTo("::1");
    assertThat(GrpcRpcAttributesGetter.INSTANCE.serverPort(request)).isEqualTo(50051);

    GrpcRequest unresolved =
        GrpcRequest.server(
            InventoryService.RESERVE,
            new Metadata(),
            null,
            Attributes.newBuilder()
                .set(Grpc.TRANSPORT_ATTR_REMOTE_ADDR, InetSocketAddress.createUnresolved("peer.example", 7))
                .build());
    assertThat(GrpcRpcAttributesGetter.INSTANCE.peerAddress(unresolved)).isEqualTo("peer.example");
    assertThat(GrpcRpcAttributesGetter.INSTANCE.serverAddress(unresolved)).isNull();
    assertThat(GrpcRpcAttributesGetter.INSTANCE.serverPort(unresolved)).isNull();
  }

  @Test
  void getterReturnsEveryValueOfARepeatedKey() {
    Metadata headers = new Metadata();
    headers.put(InventoryService.TRACEPARENT, "first");
    headers.put(InventoryService.TRACEPARENT, "second");
    GrpcRequest request = clientRequest("h:1", headers);

    List<String> all = new ArrayList<>();
    MetadataGetter.INSTANCE.getAll(request, "traceparent").forEachRemaining(all::add);
    assertThat(all).containsExactly("first", "second");
    assertThat(MetadataGetter.INSTANCE.get(request, "traceparent")).isEqualTo("second");
    assertThat(MetadataGetter.INSTANCE.getAll(request, "tracestate").hasNext()).isFalse();
    assertThat(MetadataGetter.INSTANCE.get(request, "grpc-trace-bin")).isNull();
    assertThat(MetadataGetter.INSTANCE.keys(request)).containsExactly("traceparent");
  }

  @Test
  void setterReplacesAValueTheApplicationAlreadySet() {
    Metadata headers = new Metadata();
    headers.put(InventoryService.TRACEPARENT, "stale");
    MetadataSetter.INSTANCE.set(clientRequest("h:1", headers), "traceparent", "fresh");
    assertThat(headers.getAll(InventoryService.TRACEPARENT)).containsExactly("fresh");
  }
}
