package dev.vireo.instrumentation.rabbitmq;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace across HTTP and RabbitMQ: a servlet on Jetty 9 publishes to the real server's default
 * exchange, a consumer handles the delivery. Queue name unique to this run, exclusive to its connection.
 */
@ExtendWith(AgentTestingExtension.class)
class ServletToRabbitMqTest {

  private static final String QUEUE = "vireo-rabbitmq-e2e-" + UUID.randomUUID().toString().substring(0, 8);

  private static Connection connection;
  private static Server server;
  private static int port;
  private static final BlockingQueue<SpanContext> HANDLED = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setUsername("guest");
    factory.setPassword("guest");
    connection = factory.newConnection();
    Channel consuming = connection.createChannel();
    consuming.queueDeclare(QUEUE, false, true, false, null);
    consuming.basicConsume(
        QUEUE,
        true,
        new DefaultConsumer(consuming) {
          @Override
          public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            HANDLED.add(Span.current().getSpanContext());
          }
        });
    Channel publishing = connection.createChannel();

    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder(
            new HttpServlet() {
              @Override
              protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                synchronized (publishing) { // a channel is not for concurrent use
                  publishing.basicPublish("", QUEUE, null, request.getParameter("id").getBytes(StandardCharsets.UTF_8));
                }
                response.setStatus(202);
              }
            }),
        "/orders");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void httpRequestPublishAndDeliveryAreOneTrace() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders?id=7"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    SpanContext current = HANDLED.poll(10, TimeUnit.SECONDS);
    assertThat(current).isNotNull();

    AgentTesting.waitForSpans(3);
    List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData server = spans.get(0);
    assertThat(server).hasKind(SpanKind.SERVER).hasNoParent().hasName("POST /orders");
    SpanData publish = spans.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
    SpanData process = spans.stream().filter(s -> s.getKind() == SpanKind.CONSUMER).findFirst().orElseThrow();
    assertThat(publish).hasName("publish (default)").hasParent(server);
    assertThat(process).hasName("process " + QUEUE).hasParent(publish);
    assertThat(current).isEqualTo(process.getSpanContext());
  }
}
