package dev.vireo.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A servlet app with no tracing code for the metrics smoke tests: {@code GET /hello/*} answers 200. On stdin,
 * {@code gc} runs {@code System.gc()} and answers {@code GC done}; end of input stops the server.
 */
public final class MetricsApp {

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
            response.setStatus(200);
            response.getWriter().print("hello");
          }
        },
        "/hello/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY port=" + connector.getLocalPort());
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      if (line.trim().equals("gc")) {
        System.gc();
        System.out.println("GC done");
      }
    }
    server.stop();
  }
}
