package dev.vireo.examples.shop.inventory;

import com.google.protobuf.Int32Value;
import com.google.protobuf.StringValue;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The inventory service: a grpc-java server (shaded Netty transport) serving {@code demo.Inventory/Reserve}. */
public final class InventoryServer implements AutoCloseable {

  private final StockLedger ledger;
  private final Server server;

  private InventoryServer(Server server, StockLedger ledger) {
    this.server = server;
    this.ledger = ledger;
  }

  /** Starts the server on {@code host:port} (port 0 = chosen by the OS), each item stocked with {@code quantity}. */
  public static InventoryServer start(String host, int port, int quantity) throws IOException {
    StockLedger ledger = new StockLedger(quantity);
    ServerServiceDefinition service = ServerServiceDefinition.builder(InventoryProtocol.SERVICE_NAME)
        .addMethod(InventoryProtocol.RESERVE, ServerCalls.asyncUnaryCall(
            (Int32Value request, StreamObserver<StringValue> response) -> reserve(ledger, request, response)))
        .build();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .addService(service)
        .build()
        .start();
    return new InventoryServer(server, ledger);
  }

  private static void reserve(StockLedger ledger, Int32Value request, StreamObserver<StringValue> response) {
    int itemId = request.getValue();
    if (itemId <= 0) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("item id must be positive").asRuntimeException());
      return;
    }
    String reservation = ledger.reserve(itemId);
    if (reservation == null) {
      response.onError(Status.RESOURCE_EXHAUSTED.withDescription("item " + itemId + " is sold out")
          .asRuntimeException());
      return;
    }
    response.onNext(StringValue.of(reservation));
    response.onCompleted();
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
  }
}
