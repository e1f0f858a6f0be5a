package dev.vireo.instrumentation.jms.javax;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testlib.jms.javax.OrderQueryListener;
import dev.vireo.testlib.jms.javax.OrderServlet;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.jms.Session;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace across HTTP, JMS and JDBC: a servlet on Jetty 9 sends to a queue of an embedded ActiveMQ
 * broker, whose listener queries H2.
 */
@ExtendWith(AgentTestingExtension.class)
class ServletToJmsToJdbcTest {

  private static final String JDBC_URL = "jdbc:h2:mem:jms-e2e;DB_CLOSE_DELAY=-1";

  private static EmbeddedBroker broker;
  private static javax.jms.Connection listening;
  private static OrderQueryListener listener;
  private static Server server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    try (Connection connection = DriverManager.getConnection(JDBC_URL);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(40))");
      statement.execute("INSERT INTO orders VALUES (7, 'acme')");
    }
    broker = EmbeddedBroker.start();
    listening = broker.connect();
    Session session = listening.createSession(false, Session.AUTO_ACKNOWLEDGE);
    listener = new OrderQueryListener(JDBC_URL);
    session.createConsumer(session.createQueue("orders-e2e")).setMessageListener(listener);

    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new OrderServlet(broker.factory())), "/orders");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (listening != null) {
      listening.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void httpRequestJmsMessageAndQueryAreOneTrace() throws Exception {
    AgentTesting.clear(); // spans of the setup (table creation)
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders?id=7"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(listener.customers.poll(10, TimeUnit.SECONDS)).isEqualTo("acme");

    AgentTesting.waitForSpans(4);
    List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData server = spans.get(0);
    assertThat(server).hasKind(SpanKind.SERVER).hasNoParent().hasName("POST /orders");
    SpanData send = JmsTest.named(spans, "send orders-e2e");
    SpanData process = JmsTest.named(spans, "process orders-e2e");
    SpanData query = spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
    assertThat(send).hasKind(SpanKind.PRODUCER).hasParent(server);
    assertThat(process).hasKind(SpanKind.CONSUMER).hasParent(send);
    assertThat(query)
        .hasName("SELECT orders")
        .hasParent(process)
        .hasAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("db.system.name"), "h2database");
  }
}
