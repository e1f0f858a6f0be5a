package dev.vireo.examples.shop;

import dev.vireo.examples.shop.backend.BackendServer;
import dev.vireo.examples.shop.backend.ItemRepository;

/**
 * Runs the backend service (Tomcat, {@code GET /api/items/{id}}: JDBC lookup, gRPC reservation, Kafka event).
 *
 * <p>Settings: {@code backend.port} (default 0 = chosen by the OS), {@code inventory.target} (required, e.g.
 * {@code 127.0.0.1:50051}), {@code kafka.bootstrap} (required), {@code jdbc.url} (default H2 in memory; e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code jdbc.user}, {@code jdbc.password}, {@code bind.host}.
 * Prints {@code READY backend port=<port> url=http://<host>:<port>}.
 */
public final class BackendMain {

  private BackendMain() {}

  public static void main(String[] args) throws Exception {
    ShopOptions options = ShopOptions.parse(args);
    BackendServer server = start(options);
    ServiceLifecycle.runUntilShutdown("backend", server);
  }

  static BackendServer start(ShopOptions options) throws Exception {
    String host = options.bindHost();
    BackendServer server = BackendServer.start(host, options.getInt(ShopOptions.BACKEND_PORT, 0),
        options.get(ShopOptions.JDBC_URL, ItemRepository.DEFAULT_JDBC_URL),
        options.get(ShopOptions.JDBC_USER, null), options.get(ShopOptions.JDBC_PASSWORD, null),
        options.require(ShopOptions.INVENTORY_TARGET), options.require(ShopOptions.KAFKA_BOOTSTRAP));
    ReadyLine.announce("backend", "port", Integer.toString(server.port()),
        "url", "http://" + ShopLauncher.reachableHost(host) + ":" + server.port());
    return server;
  }
}
