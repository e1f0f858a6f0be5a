package dev.vireo.examples.shop.backend;

import dev.vireo.examples.shop.inventory.InventoryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The backend service: embedded Tomcat 11 (jakarta.servlet) serving {@code /api/items/*}. */
public final class BackendServer implements AutoCloseable {

  // Tomcat logs every start-up step at INFO through java.util.logging; keep its warnings only. Held strongly so
  // the level survives garbage collection of the logger.
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  static {
    TOMCAT_LOG.setLevel(Level.WARNING);
  }

  private final Tomcat tomcat;
  private final Connector connector;
  private final Path baseDir;
  private final ItemRepository items;
  private final InventoryClient inventory;
  private final OrderEvents orders;

  private BackendServer(Tomcat tomcat, Connector connector, Path baseDir, ItemRepository items,
      InventoryClient inventory, OrderEvents orders) {
    this.tomcat = tomcat;
    this.connector = connector;
    this.baseDir = baseDir;
    this.items = items;
    this.inventory = inventory;
    this.orders = orders;
  }

  /**
   * Starts the backend on {@code host:port} (0 = chosen by the OS).
   *
   * @param jdbcUrl database with table {@code items} (created and seeded if missing)
   * @param inventoryTarget gRPC target of the inventory service, e.g. {@code 127.0.0.1:50051}
   * @param kafkaBootstrap Kafka bootstrap servers for {@code order-placed} events
   */
  public static BackendServer start(String host, int port, String jdbcUrl, String jdbcUser, String jdbcPassword,
      String inventoryTarget, String kafkaBootstrap) throws SQLException, IOException, LifecycleException {
    ItemRepository items = ItemRepository.open(jdbcUrl, jdbcUser, jdbcPassword);
    InventoryClient inventory = new InventoryClient(inventoryTarget);
    OrderEvents orders = new OrderEvents(kafkaBootstrap);

    Tomcat tomcat = new Tomcat();
    Path baseDir = Files.createTempDirectory("shop-backend-tomcat");
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", host);
    tomcat.setConnector(connector);
    tomcat.getHost().setAutoDeploy(false);

    Context context = tomcat.addContext("", baseDir.toString());
    Tomcat.addServlet(context, "items", new ItemsServlet(items, inventory, orders));
    context.addServletMappingDecoded("/api/items/*", "items");
    tomcat.start();
    return new BackendServer(tomcat, connector, baseDir, items, inventory, orders);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    try {
      tomcat.stop();
      tomcat.destroy();
    } finally {
      orders.close();
      inventory.close();
      items.close();
      deleteRecursively(baseDir);
    }
  }

  // Tomcat's scratch directory (work/, webapps/) is only needed while it runs.
  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
