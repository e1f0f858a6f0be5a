package dev.vireo.examples.shop;

import dev.vireo.examples.shop.inventory.InventoryServer;

/**
 * Runs the inventory gRPC service ({@code demo.Inventory/Reserve}).
 *
 * <p>Settings: {@code inventory.port} (default 0 = chosen by the OS), {@code inventory.stock} (units per item,
 * default 1000000), {@code bind.host} (default 127.0.0.1). Prints
 * {@code READY inventory port=<port> target=<host>:<port>}.
 */
public final class InventoryMain {

  private InventoryMain() {}

  public static void main(String[] args) throws Exception {
    ShopOptions options = ShopOptions.parse(args);
    InventoryServer server = start(options);
    ServiceLifecycle.runUntilShutdown("inventory", server);
  }

  static InventoryServer start(ShopOptions options) throws Exception {
    String host = options.bindHost();
    InventoryServer server = InventoryServer.start(host, options.getInt(ShopOptions.INVENTORY_PORT, 0),
        options.getInt("inventory.stock", 1_000_000));
    ReadyLine.announce("inventory", "port", Integer.toString(server.port()),
        "target", ShopLauncher.reachableHost(host) + ":" + server.port());
    return server;
  }
}
