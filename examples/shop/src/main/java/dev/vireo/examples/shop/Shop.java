package dev.vireo.examples.shop;

import dev.vireo.examples.shop.backend.BackendServer;
import dev.vireo.examples.shop.frontend.FrontendServer;
import dev.vireo.examples.shop.inventory.InventoryServer;
import dev.vireo.examples.shop.kafka.InProcessKafkaBroker;
import dev.vireo.examples.shop.notifier.Notifier;
import dev.vireo.examples.shop.notifier.OrderListener;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The whole shop in one JVM: Kafka (in-process unless {@code kafka.bootstrap} is set), inventory, backend,
 * notifier and frontend, wired to each other over loopback exactly as the separate JVMs would be. Without the
 * frontend ({@link #startWithoutFrontend}) it is the back half of a two-JVM shop whose frontend runs in
 * {@link FrontendMain}.
 */
public final class Shop implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private String frontendUrl;
  private String backendUrl;

  private Shop() {}

  /** Starts every service (each prints its READY line); {@code listener} hears each order the notifier consumes. */
  public static Shop start(ShopOptions options, OrderListener listener) throws Exception {
    return start(options, listener, true);
  }

  /** Everything but the frontend: Kafka (unless given), inventory, backend and notifier. */
  public static Shop startWithoutFrontend(ShopOptions options, OrderListener listener) throws Exception {
    return start(options, listener, false);
  }

  private static Shop start(ShopOptions options, OrderListener listener, boolean withFrontend) throws Exception {
    Shop shop = new Shop();
    try {
      shop.startAll(options, listener, withFrontend);
    } catch (Exception | Error e) {
      shop.close();
      throw e;
    }
    return shop;
  }

  private void startAll(ShopOptions options, OrderListener listener, boolean withFrontend) throws Exception {
    String bootstrap = options.get(ShopOptions.KAFKA_BOOTSTRAP, null);
    if (bootstrap == null) {
      InProcessKafkaBroker broker = started(InProcessKafkaBroker.start());
      broker.createTopic(Notifier.TOPIC);
      bootstrap = broker.bootstrapServers();
      ReadyLine.announce("kafka", "bootstrap", bootstrap);
    }
    String host = ShopLauncher.reachableHost(options.bindHost());

    InventoryServer inventory = started(InventoryMain.start(options));
    BackendServer backend = started(BackendMain.start(options
        .with(ShopOptions.INVENTORY_TARGET, host + ":" + inventory.port())
        .with(ShopOptions.KAFKA_BOOTSTRAP, bootstrap)));
    backendUrl = "http://" + host + ":" + backend.port();
    started(NotifierMain.start(options.with(ShopOptions.KAFKA_BOOTSTRAP, bootstrap), listener));
    if (withFrontend) {
      FrontendServer frontend = started(FrontendMain.start(options.with(ShopOptions.BACKEND_URL, backendUrl)));
      frontendUrl = "http://" + host + ":" + frontend.port();
    }
  }

  private <T extends AutoCloseable> T started(T service) {
    started.push(service);
    return service;
  }

  /** Base URL of the backend, e.g. {@code http://127.0.0.1:42002}: what a separate frontend's backend.url is. */
  public String backendUrl() {
    return backendUrl;
  }

  /** Base URL of the frontend, e.g. {@code http://127.0.0.1:8080}; null when started without it. */
  public String frontendUrl() {
    return frontendUrl;
  }

  /** Stops the services in reverse start order (frontend first, Kafka last). */
  @Override
  public void close() throws Exception {
    Exception failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
