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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A servlet (no tracing code) that runs three queries in parallel and joins them: on an executor
 * ({@code /fanout}, FutureTasks) or as CompletableFuture stages on the common pool ({@code
 * /fanout-stages}, ForkJoinTasks). Prints which of the two task classes the agent gave its slot field.
 */
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
    HttpServlet fanOut =
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int id = 1; id <= 3; id++) {
              int item = id;
              parts.add(
                  request.getServletPath().equals("/fanout-stages")
                      ? CompletableFuture.supplyAsync(() -> item).thenApplyAsync(FanOutApp::unitsUnchecked)
                      : pool.submit(() -> units(item)));
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
        };
    context.addServlet(new ServletHolder(fanOut), "/fanout");
    context.addServlet(new ServletHolder(fanOut), "/fanout-stages");
    server.setHandler(context);
    server.start();
    System.out.println("SLOTS FutureTask=" + hasSlot(FutureTask.class) + " ForkJoinTask=" + hasSlot(ForkJoinTask.class));
    System.out.println("READY fanout port=" + connector.getLocalPort());
    server.join();
  }

  private static boolean hasSlot(Class<?> type) {
    return Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getName().equals("dev.vireo.bootstrap.InjectedSlot"));
  }

  private static int unitsUnchecked(int id) {
    try {
      return units(id);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
