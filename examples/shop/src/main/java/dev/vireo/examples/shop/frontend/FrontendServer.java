package dev.vireo.examples.shop.frontend;

import java.net.http.HttpClient;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The frontend service: embedded Jetty 12 (ee10, jakarta.servlet) serving {@code /checkout}. */
public final class FrontendServer implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;

  private FrontendServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts the frontend on {@code host:port} (0 = chosen by the OS), ordering through {@code backendUrl}. */
  public static FrontendServer start(String host, int port, String backendUrl) throws Exception {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder("checkout", new CheckoutServlet(http, backendUrl)), "/checkout");
    server.setHandler(context);
    server.start();
    return new FrontendServer(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
