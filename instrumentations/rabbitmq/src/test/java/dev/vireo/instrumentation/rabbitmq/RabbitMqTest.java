package dev.vireo.instrumentation.rabbitmq;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against the real RabbitMQ server on 127.0.0.1:5672 (guest/guest); exchange and queue names unique to
 * this run, the queues exclusive to its connection (gone when it closes).
 */
@ExtendWith(AgentTestingExtension.class)
class RabbitMqTest {

  private static final Tracer TEST_TRACER = VireoTelemetry.get().getTracer("test");
  private static final String PREFIX = "vireo-rabbitmq-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final String EXCHANGE = PREFIX + "orders";
  private static final String QUEUE = PREFIX + "orders-queue";
  private static final String GET_QUEUE = PREFIX + "get-queue";

  private static Connection connection;
  private static Channel channel;

  @BeforeAll
  static void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setUsername("guest");
    factory.setPassword("guest");
    connection = factory.newConnection();
    channel = connection.createChannel();
    channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.DIRECT, false, true, null);
    channel.queueDeclare(QUEUE, false, true, false, null);
    channel.queueBind(QUEUE, EXCHANGE, "order.created");
    channel.queueDeclare(GET_QUEUE, false, true, false, null);
  }

  @AfterAll
  static void disconnect() throws Exception {
    if (channel != null) {
      channel.queueDelete(QUEUE);
      channel.queueDelete(GET_QUEUE);
      channel.exchangeDelete(EXCHANGE);
    }
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void runsAgainstTheClientVersionTheBuildChose() throws Exception {
    // read reflectively: the constant would otherwise be the one compiled against
    Object version = com.rabbitmq.client.impl.ClientVersion.class.getField("VERSION").get(null);
    assertThat(version).isEqualTo(System.getProperty("vireo.test.amqpClientVersion"));
  }

  @Test
  void publishAndHandleDeliveryAreOneTrace() throws Exception {
    BlockingQueue<SpanContext> currentInHandler = new LinkedBlockingQueue<>();
    BlockingQueue<String> headersSeen = new LinkedBlockingQueue<>();
    Channel consumerChannel = connection.createChannel();
    String tag =
        consumerChannel.basicConsume(
            QUEUE,
            true,
            new DefaultConsumer(consumerChannel) {
              @Override
              public void handleDelivery(
                  String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                headersSeen.add(String.valueOf(properties.getHeaders().get("traceparent")));
                currentInHandler.add(Span.current().getSpanContext());
              }
            });
    try {
      Span root = TEST_TRACER.spanBuilder("test").startSpan();
      try (Scope ignored = root.makeCurrent()) {
        AMQP.BasicProperties properties =
            new AMQP.BasicProperties.Builder().messageId("m-1").headers(Map.of("tenant", "acme")).build();
        channel.basicPublish(EXCHANGE, "order.created", properties, "hello".getBytes(StandardCharsets.UTF_8));
      } finally {
        root.end();
      }
      SpanContext current = currentInHandler.poll(10, TimeUnit.SECONDS);
      assertThat(current).isNotNull();

      // the handler ran; its span ends right after it returns
      AgentTesting.waitForSpans(3);
      List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
      assertThat(spans).hasSize(3);
      SpanData test = named(spans, "test");
      SpanData publish = named(spans, "publish " + EXCHANGE);
      SpanData process = named(spans, "process " + QUEUE);
      assertThat(publish)
          .hasKind(SpanKind.PRODUCER)
          .hasParent(test)
          .hasAttributesSatisfyingExactly(
              equalTo(stringKey("messaging.system"), "rabbitmq"),
              equalTo(stringKey("messaging.destination.name"), EXCHANGE),
              equalTo(stringKey("messaging.operation.type"), "send"),
              equalTo(stringKey("messaging.operation.name"), "publish"),
              equalTo(stringKey("messaging.message.id"), "m-1"),
              equalTo(stringKey("messaging.rabbitmq.destination.routing_key"), "order.created"));
      assertThat(process)
          .hasKind(SpanKind.CONSUMER)
          .hasParent(publish)
          .hasAttributesSatisfyingExactly(
              equalTo(stringKey("messaging.system"), "rabbitmq"),
              equalTo(stringKey("messaging.destination.name"), QUEUE),
              equalTo(stringKey("messaging.operation.type"), "process"),
              equalTo(stringKey("messaging.operation.name"), "process"),
              equalTo(stringKey("messaging.message.id"), "m-1"),
              equalTo(longKey("messaging.message.body.size"), 5L),
              equalTo(stringKey("messaging.rabbitmq.destination.routing_key"), "order.created"),
              equalTo(longKey("messaging.rabbitmq.message.delivery_tag"), 1L));
      // The process span is current while the application handles the delivery; the header is the publisher's.
      assertThat(current).isEqualTo(process.getSpanContext());
      assertThat(headersSeen.poll()).startsWith("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-");
    } finally {
      consumerChannel.basicCancel(tag);
      consumerChannel.close();
    }
  }

  @Test
  void deliverCallbackConsumerGetsAProcessSpanToo() throws Exception {
    BlockingQueue<SpanContext> currentInHandler = new LinkedBlockingQueue<>();
    Channel consumerChannel = connection.createChannel();
    String tag =
        consumerChannel.basicConsume(
            QUEUE,
            true,
            (consumerTag, delivery) -> currentInHandler.add(Span.current().getSpanContext()),
            consumerTag -> {});
    try {
      channel.basicPublish(EXCHANGE, "order.created", null, "no parent".getBytes(StandardCharsets.UTF_8));
      SpanContext current = currentInHandler.poll(10, TimeUnit.SECONDS);
      assertThat(current).isNotNull();

      // the handler ran; its span ends right after it returns
      AgentTesting.waitForSpans(2);
      List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
      assertThat(spans).hasSize(2);
      SpanData publish = named(spans, "publish " + EXCHANGE);
      SpanData process = named(spans, "process " + QUEUE);
      assertThat(publish).hasKind(SpanKind.PRODUCER).hasNoParent();
      assertThat(process).hasKind(SpanKind.CONSUMER).hasParent(publish);
      assertThat(current).isEqualTo(process.getSpanContext());
    } finally {
      consumerChannel.basicCancel(tag);
      consumerChannel.close();
    }
  }

  @Test
  void basicGetOfAMessageIsAReceiveSpanLinkedToThePublisher() throws Exception {
    Span root = TEST_TRACER.spanBuilder("test").startSpan();
    GetResponse response;
    try (Scope ignored = root.makeCurrent()) {
      // The default exchange routes to the queue named by the routing key.
      channel.basicPublish("", GET_QUEUE, null, "to get".getBytes(StandardCharsets.UTF_8));
      response = getWithin(GET_QUEUE, 10);
    } finally {
      root.end();
    }
    assertThat(response).isNotNull();
    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("to get");

    List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData test = named(spans, "test");
    SpanData publish = named(spans, "publish (default)");
    SpanData receive = named(spans, "receive " + GET_QUEUE);
    assertThat(publish)
        .hasKind(SpanKind.PRODUCER)
        .hasParent(test)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "rabbitmq"),
            equalTo(stringKey("messaging.destination.name"), "(default)"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "publish"),
            equalTo(stringKey("messaging.rabbitmq.destination.routing_key"), GET_QUEUE));
    assertThat(receive)
        .hasKind(SpanKind.CLIENT)
        .hasParent(test)
        .hasLinksSatisfying(
            links ->
                assertThat(links)
                    .extracting(link -> link.getSpanContext().getSpanId())
                    .containsExactly(publish.getSpanId()))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "rabbitmq"),
            equalTo(stringKey("messaging.destination.name"), GET_QUEUE),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "receive"),
            equalTo(longKey("messaging.message.body.size"), 6L),
            equalTo(stringKey("messaging.rabbitmq.destination.routing_key"), GET_QUEUE),
            equalTo(longKey("messaging.rabbitmq.message.delivery_tag"), response.getEnvelope().getDeliveryTag()));
  }

  @Test
  void basicGetOfAnEmptyQueueMakesNoSpan() throws Exception {
    Span root = TEST_TRACER.spanBuilder("empty-get").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      assertThat(channel.basicGet(GET_QUEUE, true)).isNull();
    } finally {
      root.end();
    }
    // Marker: a later span; once it is there, the empty get's span would have been too.
    TEST_TRACER.spanBuilder("marker").startSpan().end();
    List<SpanData> spans = AgentTesting.waitFor(s -> s.size() >= 2, java.time.Duration.ofSeconds(10), "marker").all()
        .stream()
        .flatMap(trace -> trace.spans().stream())
        .toList();
    assertThat(spans).extracting(SpanData::getName).containsExactlyInAnyOrder("empty-get", "marker");
  }

  private static GetResponse getWithin(String queue, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      GetResponse response = channel.basicGet(queue, true);
      if (response != null) {
        return response;
      }
      Thread.sleep(20);
    }
    return null;
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
  }
}
