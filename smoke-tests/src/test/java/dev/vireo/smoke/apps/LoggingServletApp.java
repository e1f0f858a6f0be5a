package dev.vireo.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A servlet app with no tracing code that logs through java.util.logging: one line before serving, two inside
 * the request {@code GET /orders/<id>} (a WARNING and a SEVERE with an exception). Calls itself once and exits.
 */
public final class LoggingServletApp {

  private static final Logger LOG = Logger.getLogger("shop.orders");

  public static void main(String[] args) throws Exception {
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
            String id = request.getPathInfo().substring(1);
            LOG.log(Level.WARNING, "order {0} is late", id);
            LOG.log(Level.SEVERE, "payment failed", new IllegalStateException("card declined"));
            response.setStatus(200);
            response.getWriter().print("ok");
          }
        },
        "/orders/*");
    server.setHandler(context);
    server.start();
    LOG.info("serving on port " + connector.getLocalPort());
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + connector.getLocalPort() + "/orders/7").openConnection();
    System.out.println("STATUS " + connection.getResponseCode());
    server.stop();
    System.out.println("DONE");
  }
}
