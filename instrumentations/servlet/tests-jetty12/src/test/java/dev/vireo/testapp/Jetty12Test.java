package dev.vireo.testapp;

import dev.vireo.testapp.jakarta.TestApp;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The servlet scenarios on embedded Jetty 12 ee10 (jakarta.servlet 6.0). */
class Jetty12Test extends ServletScenarios {

  private static Server server;
  private static int port;

  @BeforeAll
  static void startJetty() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(TestApp.CONTEXT_PATH);
    TestApp.register(
        new TestApp.Registrar() {
          @Override
          public void servlet(String name, jakarta.servlet.Servlet servlet, boolean asyncSupported, String... patterns) {
            ServletHolder holder = new ServletHolder(name, servlet);
            holder.setAsyncSupported(asyncSupported);
            for (String pattern : patterns) {
              context.addServlet(holder, pattern);
            }
          }

          @Override
          public void filter(String name, jakarta.servlet.Filter filter, String pattern) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setName(name);
            context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
          }
        });
    Handler.Wrapper probe =
        new Handler.Wrapper(context) {
          @Override
          public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String value = request.getHeaders().get("X-Probe");
            if (value != null && value.startsWith("seq")) {
              Observations.recordContextBeforeServlets();
            }
            return super.handle(request, response, callback);
          }
        };
    server.setHandler(probe);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stopJetty() throws Exception {
    server.stop();
  }

  @Override
  protected int port() {
    return port;
  }
}
