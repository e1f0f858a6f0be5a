package dev.vireo.instrumentation.api.semconv.messaging;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The messaging conventions with a made-up messaging library (messages are header maps). */
class MessagingInstrumentersTest {

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  /** A message: a queue name and headers. */
  static final class Message {
    final String queue;
    final Map<String, String> headers = new HashMap<>();

    Message(String queue) {
      this.queue = queue;
    }
  }

  static class Getter implements MessagingAttributesGetter<Message, String> {
    private final String operation;

    Getter(String operation) {
      this.operation = operation;
    }

    @Override
    public String system(Message message) {
      return "testmq";
    }

    @Override
    public String destination(Message message) {
      return message.queue;
    }

    @Override
    public String operationName(Message message) {
      return operation;
    }

    @Override
    public String messageId(Message message, String acknowledgedId) {
      return acknowledgedId;
    }

    @Override
    public String consumerGroupName(Message message) {
      return "group-1";
    }
  }

  static final TextMapGetter<Message> HEADERS =
      new TextMapGetter<Message>() {
        @Override
        public Iterable<String> keys(Message message) {
          return message.headers.keySet();
        }

        @Override
        public String get(Message message, String key) {
          return message.headers.get(key);
        }
      };

  @BeforeAll
  static void installSdk() {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    VireoTelemetry.install(() -> sdk);
  }

  @AfterAll
  static void uninstall() {
    VireoTelemetry.install(io.opentelemetry.api.OpenTelemetry::noop);
  }

  @BeforeEach
  void reset() {
    SPANS.reset();
  }

  @Test
  void sendReceiveAndProcessFollowTheCurrentConventions() {
    Instrumenter<Message, String> producer =
        MessagingInstrumenters.producer("test", new Getter("publish"), (m, k, v) -> m.headers.put(k, v));
    Instrumenter<List<Message>, Void> receive =
        MessagingInstrumenters.receive(
            "test",
            new MessagingAttributesGetter<List<Message>, Void>() {
              @Override
              public String system(List<Message> batch) {
                return "testmq";
              }

              @Override
              public String destination(List<Message> batch) {
                return null; // mixed queues
              }

              @Override
              public String operationName(List<Message> batch) {
                return "pull";
              }

              @Override
              public Long batchMessageCount(List<Message> batch, Void response) {
                return (long) batch.size();
              }
            },
            new MessagingLinks<List<Message>, Message>(batch -> batch, HEADERS));
    Instrumenter<Message, String> process = MessagingInstrumenters.process("test", new Getter("handle"), HEADERS);

    Message first = new Message("orders");
    Context sent = producer.start(Context.root(), first);
    producer.end(sent, first, "id-7", null);
    Message second = new Message("refunds");
    Context failed = producer.start(Context.root(), second);
    producer.end(failed, second, null, new IllegalStateException("broker gone"));

    Context received = receive.start(Context.root(), Arrays.asList(first, second));
    receive.end(received, Arrays.asList(first, second), null, null);
    Context processing = process.start(Context.root(), first);
    assertThat(process.shouldStart(processing, first)).isFalse(); // one process span at a time
    process.end(processing, first, null, null);

    List<SpanData> spans = SPANS.getFinishedSpanItems();
    assertThat(spans).hasSize(4);
    SpanData send = spans.get(0);
    assertThat(first.headers.get("traceparent")).contains(send.getSpanId());
    assertThat(send)
        .hasName("publish orders")
        .hasKind(SpanKind.PRODUCER)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "testmq"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "publish"),
            equalTo(stringKey("messaging.message.id"), "id-7"),
            equalTo(stringKey("messaging.consumer.group.name"), "group-1"));
    assertThat(spans.get(1))
        .hasName("publish refunds")
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), "java.lang.IllegalStateException");
    assertThat(spans.get(2))
        .hasName("pull")
        .hasKind(SpanKind.CLIENT)
        .hasLinksSatisfying(links -> assertThat(links).hasSize(2))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "testmq"),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "pull"),
            equalTo(io.opentelemetry.api.common.AttributeKey.longKey("messaging.batch.message_count"), 2L));
    assertThat(spans.get(2).getLinks().get(0).getSpanContext().getSpanId()).isEqualTo(send.getSpanId());
    assertThat(spans.get(3))
        .hasName("handle orders")
        .hasKind(SpanKind.CONSUMER)
        .hasParentSpanId(send.getSpanId())
        .hasTraceId(send.getTraceId());
    assertThat(Span.fromContext(processing).getSpanContext()).isEqualTo(spans.get(3).getSpanContext());
  }

  @Test
  void dupAddsTheOldKeysAndUsesTheOldNames() {
    System.setProperty("otel.semconv-stability.opt-in", "messaging/dup");
    Instrumenter<Message, String> producer;
    Instrumenter<Message, String> process;
    try {
      producer = MessagingInstrumenters.producer("test", new Getter("publish"), (m, k, v) -> m.headers.put(k, v));
      process = MessagingInstrumenters.process("test", new Getter("handle"), HEADERS);
    } finally {
      System.clearProperty("otel.semconv-stability.opt-in");
    }
    Message message = new Message("orders");
    producer.end(producer.start(Context.root(), message), message, null, null);
    process.end(process.start(Context.root(), message), message, null, null);

    List<SpanData> spans = SPANS.getFinishedSpanItems();
    assertThat(spans.get(0))
        .hasName("orders publish")
        .hasAttribute(stringKey("messaging.operation"), "publish")
        .hasAttribute(stringKey("messaging.operation.type"), "send");
    // messaging.kafka.consumer.group is Kafka's own old key: not for other systems.
    assertThat(spans.get(1))
        .hasName("orders process")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "testmq"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "process"),
            equalTo(stringKey("messaging.operation.name"), "handle"),
            equalTo(stringKey("messaging.operation"), "process"),
            equalTo(stringKey("messaging.consumer.group.name"), "group-1"));
  }

  @Test
  void aTemporaryDestinationIsNamedTemporaryAndConversationAndBodySizeAreWritten() {
    Getter temporary =
        new Getter("send") {
          @Override
          public boolean temporaryDestination(Message message) {
            return true;
          }

          @Override
          public String conversationId(Message message) {
            return "request-9";
          }

          @Override
          public Long messageBodySize(Message message) {
            return 5L;
          }
        };
    Instrumenter<Message, String> producer =
        MessagingInstrumenters.producer("test", temporary, (m, k, v) -> m.headers.put(k, v));
    Message message = new Message("ID:host-1234-1:1:1");
    producer.end(producer.start(Context.root(), message), message, null, null);

    assertThat(SPANS.getFinishedSpanItems().get(0))
        .hasName("send (temporary)")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "testmq"),
            equalTo(stringKey("messaging.destination.name"), "(temporary)"),
            equalTo(io.opentelemetry.api.common.AttributeKey.booleanKey("messaging.destination.temporary"), true),
            equalTo(stringKey("messaging.message.conversation_id"), "request-9"),
            equalTo(io.opentelemetry.api.common.AttributeKey.longKey("messaging.message.body.size"), 5L),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.consumer.group.name"), "group-1"));
  }
}
