package dev.vireo.examples.shop;

import java.util.Arrays;

/**
 * Starts the whole shop in this JVM ("all-in-one"), with an in-process Kafka broker unless {@code kafka.bootstrap}
 * is given, and keeps it running until Ctrl-C. Mode {@code without-frontend} starts everything but the frontend,
 * for a two-JVM shop whose frontend is {@link FrontendMain} (the overhead benchmark's two-service measurement).
 *
 * <pre>
 * java -jar vireo-example-shop.jar [all-in-one] [--frontend.port=8080] [--jdbc.url=...] [--kafka.bootstrap=...]
 * curl 'http://127.0.0.1:8080/checkout?item=1'
 * java -jar vireo-example-shop.jar without-frontend [--backend.port=0] [--kafka.bootstrap=...]
 * </pre>
 *
 * <p>Each service prints its READY line; the last line is {@code READY shop url=http://<host>:<port>/checkout?item=1}
 * (without the frontend: {@code READY shop backend=http://<host>:<port>}, the frontend's {@code backend.url}).
 * To run every service in its own JVM use {@link KafkaBrokerMain}, {@link InventoryMain}, {@link BackendMain},
 * {@link NotifierMain} and {@link FrontendMain} instead.
 */
public final class ShopLauncher {

  private ShopLauncher() {}

  public static void main(String[] args) throws Exception {
    String mode = "all-in-one";
    if (args.length > 0 && !args[0].startsWith("--")) {
      mode = args[0];
      if (!mode.equals("all-in-one") && !mode.equals("without-frontend")) {
        throw new IllegalArgumentException("Unknown mode '" + args[0] + "'; the modes are all-in-one and "
            + "without-frontend. For one JVM per service run FrontendMain, BackendMain, InventoryMain, NotifierMain, "
            + "KafkaBrokerMain.");
      }
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    Shop shop;
    if (mode.equals("all-in-one")) {
      shop = Shop.start(ShopOptions.parse(args), (itemId, orderJson) -> { });
      ReadyLine.announce("shop", "url", shop.frontendUrl() + "/checkout?item=1");
    } else {
      shop = Shop.startWithoutFrontend(ShopOptions.parse(args), (itemId, orderJson) -> { });
      ReadyLine.announce("shop", "backend", shop.backendUrl());
    }
    ServiceLifecycle.runUntilShutdown("shop", shop);
  }

  /** The address clients use to reach a server bound to {@code bindHost} (a wildcard bind is reached via loopback). */
  static String reachableHost(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }
}
