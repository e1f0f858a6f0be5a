package dev.vireo.instrumentation.jms.javax;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testlib.jms.javax.RecordingListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.jms.Connection;
import javax.jms.JMSContext;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Queue;
import javax.jms.Session;
import javax.jms.TemporaryQueue;
import javax.jms.TextMessage;
import javax.jms.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JMS against an ActiveMQ classic broker embedded in the test JVM ({@code vm://}). */
@ExtendWith(AgentTestingExtension.class)
class JmsTest {

  private static final Tracer TEST_TRACER = VireoTelemetry.get().getTracer("test");

  private static EmbeddedBroker broker;
  private Connection connection;
  private Session session;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void connect() throws Exception {
    connection = broker.connect();
    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
  }

  @AfterEach
  void disconnect() throws Exception {
    connection.close();
  }

  @Test
  void sendToAQueueAndListenerAreOneTrace() throws Exception {
    Queue queue = session.createQueue("orders");
    RecordingListener listener = new RecordingListener();
    session.createConsumer(queue).setMessageListener(listener);
    MessageProducer producer = session.createProducer(queue);
    TextMessage sent = session.createTextMessage("hello");
    sent.setJMSCorrelationID("order-42");

    Span root = TEST_TRACER.spanBuilder("test").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      producer.send(sent);
    } finally {
      root.end();
    }
    SpanContext current = listener.currentSpans.poll(10, TimeUnit.SECONDS);
    assertThat(current).isNotNull();

    AgentTesting.waitForSpans(3);
    List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData test = named(spans, "test");
    SpanData send = named(spans, "send orders");
    SpanData process = named(spans, "process orders");
    assertThat(send)
        .hasKind(SpanKind.PRODUCER)
        .hasParent(test)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "jms"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.message.id"), sent.getJMSMessageID()),
            equalTo(stringKey("messaging.message.conversation_id"), "order-42"));
    assertThat(process)
        .hasKind(SpanKind.CONSUMER)
        .hasParent(send)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "jms"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "process"),
            equalTo(stringKey("messaging.operation.name"), "process"),
            equalTo(stringKey("messaging.message.id"), sent.getJMSMessageID()),
            equalTo(stringKey("messaging.message.conversation_id"), "order-42"));
    assertThat(current).isEqualTo(process.getSpanContext());
    // the javax and the jakarta module each name their own scope
    assertThat(send.getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.jms-javax");
    assertThat(listener.traceparents.poll()).startsWith("00-" + send.getTraceId() + "-" + send.getSpanId() + "-");
  }

  @Test
  void sendToATopicReachesItsLambdaListener() throws Exception {
    Topic topic = session.createTopic("news");
    BlockingQueue<SpanContext> currentInListener = new LinkedBlockingQueue<>();
    session.createConsumer(topic).setMessageListener(message -> currentInListener.add(Span.current().getSpanContext()));
    MessageProducer producer = session.createProducer(null);

    Span root = TEST_TRACER.spanBuilder("test").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      producer.send(topic, session.createTextMessage("extra"));
    } finally {
      root.end();
    }
    SpanContext current = currentInListener.poll(10, TimeUnit.SECONDS);
    assertThat(current).isNotNull();

    AgentTesting.waitForSpans(3);
    List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData send = named(spans, "send news");
    SpanData process = named(spans, "process news");
    assertThat(send).hasKind(SpanKind.PRODUCER).hasParent(named(spans, "test"));
    assertThat(send).hasAttribute(stringKey("messaging.destination.name"), "news");
    assertThat(process).hasKind(SpanKind.CONSUMER).hasParent(send);
    assertThat(process).hasAttribute(stringKey("messaging.destination.name"), "news");
    assertThat(current).isEqualTo(process.getSpanContext());
  }

  @Test
  void receiveOfAMessageIsAClientSpanLinkedToTheProducer() throws Exception {
    Queue queue = session.createQueue("receive-queue");
    MessageConsumer consumer = session.createConsumer(queue);
    session.createProducer(queue).send(session.createTextMessage("to receive"));

    Span root = TEST_TRACER.spanBuilder("test").startSpan();
    Message received;
    try (Scope ignored = root.makeCurrent()) {
      received = consumer.receive(10_000);
    } finally {
      root.end();
    }
    assertThat(received).isNotNull();

    List<SpanData> spans = AgentTesting.waitForSpans(3).all().stream()
        .flatMap(trace -> trace.spans().stream())
        .collect(Collectors.toList());
    assertThat(spans).hasSize(3);
    SpanData send = named(spans, "send receive-queue");
    SpanData receive = named(spans, "receive receive-queue");
    assertThat(send).hasKind(SpanKind.PRODUCER).hasNoParent();
    assertThat(receive)
        .hasKind(SpanKind.CLIENT)
        .hasParent(named(spans, "test"))
        .hasLinksSatisfying(
            links -> assertThat(links).extracting(link -> link.getSpanContext().getSpanId()).containsExactly(send.getSpanId()))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "jms"),
            equalTo(stringKey("messaging.destination.name"), "receive-queue"),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "receive"),
            equalTo(stringKey("messaging.message.id"), received.getJMSMessageID()));
  }

  @Test
  void anEmptyPollMakesNoSpan() throws Exception {
    MessageConsumer consumer = session.createConsumer(session.createQueue("empty-queue"));
    Span root = TEST_TRACER.spanBuilder("empty-poll").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      assertThat(consumer.receiveNoWait()).isNull();
      assertThat(consumer.receive(50)).isNull();
    } finally {
      root.end();
    }
    // Marker: a later span; once it is there, a span of the polls would have been too.
    TEST_TRACER.spanBuilder("marker").startSpan().end();
    List<SpanData> spans = AgentTesting.waitForSpans(2).all().stream()
        .flatMap(trace -> trace.spans().stream())
        .collect(Collectors.toList());
    assertThat(spans).extracting(SpanData::getName).containsExactlyInAnyOrder("empty-poll", "marker");
  }

  @Test
  void aTemporaryQueueIsNamedTemporary() throws Exception {
    TemporaryQueue queue = session.createTemporaryQueue();
    MessageConsumer consumer = session.createConsumer(queue);
    session.createProducer(queue).send(session.createTextMessage("reply"));
    assertThat(consumer.receive(10_000)).isNotNull();

    List<SpanData> spans = AgentTesting.waitForTraces(2).all().stream()
        .flatMap(trace -> trace.spans().stream())
        .collect(Collectors.toList());
    SpanData send = named(spans, "send (temporary)");
    assertThat(send)
        .hasKind(SpanKind.PRODUCER)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "jms"),
            equalTo(stringKey("messaging.destination.name"), "(temporary)"),
            equalTo(booleanKey("messaging.destination.temporary"), true),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.message.id"), send.getAttributes().get(stringKey("messaging.message.id"))));
    assertThat(send.getAttributes().get(stringKey("messaging.message.id"))).startsWith("ID:");
    assertThat(named(spans, "receive (temporary)"))
        .hasKind(SpanKind.CLIENT)
        .hasAttribute(booleanKey("messaging.destination.temporary"), true)
        .hasAttribute(stringKey("messaging.destination.name"), "(temporary)");
  }

  @Test
  void jmsProducerSendIsTracedThroughTheProvidersMessageProducer() throws Exception {
    BlockingQueue<SpanContext> currentInListener = new LinkedBlockingQueue<>();
    Queue queue = session.createQueue("simplified");
    session.createConsumer(queue).setMessageListener(message -> currentInListener.add(Span.current().getSpanContext()));

    try (JMSContext context = broker.factory().createContext()) {
      Span root = TEST_TRACER.spanBuilder("test").startSpan();
      try (Scope ignored = root.makeCurrent()) {
        context.createProducer().send(queue, "simplified API");
      } finally {
        root.end();
      }
    }
    assertThat(currentInListener.poll(10, TimeUnit.SECONDS)).isNotNull();

    AgentTesting.waitForSpans(3);
    List<SpanData> spans = AgentTesting.waitForTraces(1).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData send = named(spans, "send simplified");
    assertThat(send).hasKind(SpanKind.PRODUCER).hasParent(named(spans, "test"));
    assertThat(named(spans, "process simplified")).hasKind(SpanKind.CONSUMER).hasParent(send);
  }

  @Test
  void propagationFieldsAreJmsLegalPropertyNamesAsTheOpenTelemetryAgentWritesThem() throws Exception {
    // A JMS property name is a Java identifier: the OpenTelemetry agent writes "-" as "__dash__" (B3's
    // X-B3-TraceId, ...); both agents read each other's messages.
    TextMessage message = session.createTextMessage("fields");
    JmsMessage carrier = JmsMessage.of(message, null);
    MessageProperties.INSTANCE.set(carrier, "X-B3-TraceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(message.getStringProperty("X__dash__B3__dash__TraceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    message.setStringProperty("x__dash__written__dash__elsewhere", "v");
    assertThat(MessageProperties.INSTANCE.get(carrier, "x-written-elsewhere")).isEqualTo("v");
    assertThat(MessageProperties.INSTANCE.keys(carrier)).containsExactlyInAnyOrder("X-B3-TraceId", "x-written-elsewhere");
  }

  static SpanData named(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
  }
}
