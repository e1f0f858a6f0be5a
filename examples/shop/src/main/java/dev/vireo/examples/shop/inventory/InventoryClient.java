package dev.vireo.examples.shop.inventory;

import com.google.protobuf.Int32Value;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCalls;
import java.util.concurrent.TimeUnit;

/** Calls {@code demo.Inventory/Reserve} on a remote inventory service over plaintext gRPC. */
public final class InventoryClient implements AutoCloseable {

  private final ManagedChannel channel;

  /** {@code target} is a gRPC target such as {@code 127.0.0.1:50051} or {@code dns:///inventory:50051}. */
  public InventoryClient(String target) {
    this.channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
  }

  /**
   * Reserves one unit of the item and returns the reservation id.
   *
   * @throws io.grpc.StatusRuntimeException RESOURCE_EXHAUSTED when sold out, UNAVAILABLE when unreachable
   */
  public String reserve(int itemId) {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS);
    return ClientCalls.blockingUnaryCall(channel, InventoryProtocol.RESERVE, options, Int32Value.of(itemId))
        .getValue();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdown();
    if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
      channel.shutdownNow();
    }
  }
}
