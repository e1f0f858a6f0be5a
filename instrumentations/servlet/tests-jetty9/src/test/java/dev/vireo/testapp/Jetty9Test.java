package dev.vireo.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testapp.javax.TestApp;
import dev.vireo.testing.agent.AgentTesting;
import io.opentelemetry.api.trace.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.util.EnumSet;
import javax.servlet.DispatcherType;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The servlet scenarios on embedded Jetty 9.4 (javax.servlet 3.1). */
class Jetty9Test extends ServletScenarios {

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
          public void servlet(String name, javax.servlet.Servlet servlet, boolean asyncSupported, String... patterns) {
            ServletHolder holder = new ServletHolder(name, servlet);
            holder.setAsyncSupported(asyncSupported);
            for (String pattern : patterns) {
              context.addServlet(holder, pattern);
            }
          }

          @Override
          public void filter(String name, javax.servlet.Filter filter, String pattern) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setName(name);
            context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
          }
        });
    HandlerWrapper probe =
        new HandlerWrapper() {
          @Override
          public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
              throws IOException, ServletException {
            if (request.getHeader("X-Probe") != null && request.getHeader("X-Probe").startsWith("seq")) {
              Observations.recordContextBeforeServlets();
            }
            super.handle(target, baseRequest, request, response);
          }
        };
    probe.setHandler(context);
    server.setHandler(probe);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stopJetty() throws Exception {
    server.stop();
  }

  /** This module's JVM runs with {@code otel.propagators=tracecontext,baggage,b3multi}. */
  @Test
  void b3HeadersWhenB3IsConfigured() throws Exception {
    String traceId = "463ac35c9f6413ad48485a3953bb6124";
    String parentId = "0020000000000001";
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/hello"))
                .header("X-B3-TraceId", traceId)
                .header("X-B3-SpanId", parentId)
                .header("X-B3-Sampled", "1")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);

    AgentTesting.waitForSpans(1)
        .trace(0)
        .span(0)
        .hasName("GET /app/hello")
        .hasKind(SpanKind.SERVER)
        .hasTraceId(traceId)
        .hasParentSpanId(parentId);
  }

  @Override
  protected int port() {
    return port;
  }
}
