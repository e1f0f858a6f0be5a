package dev.vireo.examples.shop;

import dev.vireo.examples.shop.frontend.FrontendServer;

/**
 * Runs the frontend service (Jetty, {@code GET /checkout?item=N}, calls the backend over HTTP).
 *
 * <p>Settings: {@code frontend.port} (default 8080; 0 = chosen by the OS), {@code backend.url} (required, e.g.
 * {@code http://127.0.0.1:8081}), {@code bind.host}. Prints {@code READY frontend port=<port> url=http://<host>:<port>}.
 */
public final class FrontendMain {

  static final int DEFAULT_PORT = 8080;

  private FrontendMain() {}

  public static void main(String[] args) throws Exception {
    ShopOptions options = ShopOptions.parse(args);
    FrontendServer server = start(options);
    ServiceLifecycle.runUntilShutdown("frontend", server);
  }

  static FrontendServer start(ShopOptions options) throws Exception {
    String host = options.bindHost();
    FrontendServer server = FrontendServer.start(host, options.getInt(ShopOptions.FRONTEND_PORT, DEFAULT_PORT),
        options.require(ShopOptions.BACKEND_URL));
    ReadyLine.announce("frontend", "port", Integer.toString(server.port()),
        "url", "http://" + ShopLauncher.reachableHost(host) + ":" + server.port());
    return server;
  }
}
