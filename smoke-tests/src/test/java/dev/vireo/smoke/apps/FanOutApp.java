package dev.vireo.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A servlet (no tracing code) that runs three queries in parallel on an executor and joins them. */
public final class FanOutApp {

  private static final String URL = "jdbc:h2:mem:fanout;DB_CLOSE_DELAY=-1";

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE stock (id INT PRIMARY KEY, units INT)");
      statement.execute("INSERT INTO stock VALUES (1, 10), (2, 20), (3, 30)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
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
            List<Future<Integer>> parts = new ArrayList<>();
            for (int id = 1; id <= 3; id++) {
              int item = id;
              parts.add(pool.submit(() -> units(item)));
            }
            int total = 0;
            try {
              for (Future<Integer> part : parts) {
                total += part.get();
              }
            } catch (Exception e) {
              throw new IOException(e);
            }
            response.getWriter().print("total " + total);
          }
        },
        "/fanout");
    server.setHandler(context);
    server.start();
    System.out.println("READY fanout port=" + connector.getLocalPort());
    server.join();
  }

  private static int units(int id) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT units FROM stock WHERE id = " + id)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
