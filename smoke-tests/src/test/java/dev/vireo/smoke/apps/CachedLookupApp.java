package dev.vireo.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import redis.clients.jedis.JedisPooled;

/**
 * A servlet (no tracing code) that looks a price up in Redis and, on a miss, reads it from the database and caches
 * it: the cache-aside pattern most services have. Args: the Redis key prefix of this run.
 */
public final class CachedLookupApp {

  private static final String URL = "jdbc:h2:mem:prices;DB_CLOSE_DELAY=-1";

  public static void main(String[] args) throws Exception {
    String prefix = args[0];
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE prices (sku VARCHAR(20) PRIMARY KEY, cents INT)");
      statement.execute("INSERT INTO prices VALUES ('kettle', 3990), ('teapot', 2450)");
    }
    JedisPooled redis = new JedisPooled("127.0.0.1", 6379);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String sku = request.getPathInfo().substring(1);
            String key = prefix + sku;
            String cents = redis.get(key);
            if (cents == null) {
              cents = fromDatabase(sku);
              redis.setex(key, 60, cents);
            }
            response.getWriter().print(sku + " " + cents);
          }
        },
        "/prices/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY cached-lookup port=" + connector.getLocalPort());
    server.join();
  }

  private static String fromDatabase(String sku) throws IOException {
    try (Connection connection = DriverManager.getConnection(URL);
        PreparedStatement query = connection.prepareStatement("SELECT cents FROM prices WHERE sku = ?")) {
      query.setString(1, sku);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return Integer.toString(rows.getInt(1));
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
