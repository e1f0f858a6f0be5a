package dev.vireo.instrumentation.kafka;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.bootstrap.InjectedSlot;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AgentTestingExtension.class)
class KafkaClientsTest {

  private static KafkaTestBroker broker;
  /** What every span of a client of {@link #broker} carries as {@code messaging.kafka.cluster.id}. */
  private static String clusterId;
  private static final Tracer TEST_TRACER = VireoTelemetry.get().getTracer("test");

  private final List<AutoCloseable> clients = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaTestBroker.start();
    clusterId = broker.clusterId();
    broker.createTopic("orders", 1);
    broker.createTopic("callbacks", 1);
    broker.createTopic("multi", 3);
    broker.createTopic("resent", 1);
    broker.createTopic("quiet", 1);
    broker.createTopic("early-exit", 1);
    broker.createTopic("tombstones", 1);
    broker.createTopic("mixed-a", 1);
    broker.createTopic("mixed-b", 1);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
  }

  @Test
  void produceAndConsumeIsOneTraceThroughTheBroker() throws Exception {
    KafkaProducer<String, String> producer = producer("orders-producer", Map.of());
    KafkaConsumer<String, String> consumer = consumer("orders-consumer", "orders-group", "orders", 1);
    List<String> traceparents = new ArrayList<>();
    List<SpanContext> currentWhileProcessing = new ArrayList<>();
    SpanContext currentAfterLoop;

    Span root = TEST_TRACER.spanBuilder("test").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      RecordMetadata sent = producer.send(new ProducerRecord<>("orders", "order-1", "hello")).get(10, TimeUnit.SECONDS);
      assertThat(sent.offset()).isEqualTo(0L);
      ConsumerRecords<String, String> records = pollUntil(consumer, 1);
      for (ConsumerRecord<String, String> record : records) {
        assertThat(record.value()).isEqualTo("hello");
        for (Header header : record.headers().headers("traceparent")) {
          traceparents.add(new String(header.value(), StandardCharsets.UTF_8));
        }
        currentWhileProcessing.add(Span.current().getSpanContext());
      }
      currentAfterLoop = Span.current().getSpanContext();
    } finally {
      root.end();
    }

    List<SpanData> spans = AgentTesting.waitForSpans(4).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData test = named(spans, "test");
    SpanData send = named(spans, "send orders");
    SpanData poll = named(spans, "poll orders");
    SpanData process = named(spans, "process orders");
    assertThat(spans).allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(test.getTraceId()));

    spanAssert(send)
        .hasKind(SpanKind.PRODUCER)
        .hasParent(test)
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), 0L),
            equalTo(stringKey("messaging.kafka.message.key"), "order-1"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "orders-producer"));
    assertThat(traceparents).hasSize(1);
    assertThat(traceparents.get(0)).startsWith("00-" + send.getTraceId() + "-" + send.getSpanId() + "-");

    spanAssert(poll)
        .hasKind(SpanKind.CLIENT)
        .hasParent(test)
        .hasLinksSatisfying(
            links -> assertThat(links).extracting(link -> ids(link.getSpanContext())).containsExactly(ids(send.getSpanContext())))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "poll"),
            equalTo(longKey("messaging.batch.message_count"), 1L),
            equalTo(stringKey("messaging.consumer.group.name"), "orders-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "orders-consumer"));

    spanAssert(process)
        .hasKind(SpanKind.CONSUMER)
        .hasParent(send)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "orders"),
            equalTo(stringKey("messaging.operation.type"), "process"),
            equalTo(stringKey("messaging.operation.name"), "process"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), 0L),
            equalTo(longKey("messaging.message.body.size"), 5L),
            equalTo(stringKey("messaging.kafka.message.key"), "order-1"),
            equalTo(stringKey("messaging.consumer.group.name"), "orders-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "orders-consumer"));
    // The process span is current while the application handles its record, and only then.
    assertThat(currentWhileProcessing).containsExactly(process.getSpanContext());
    assertThat(currentAfterLoop).isEqualTo(test.getSpanContext());
    assertThat(process.getEndEpochNanos()).isLessThanOrEqualTo(test.getEndEpochNanos());
  }

  @Test
  void callbackRunsOnceInTheSendersContextAfterTheSpanEnded() throws Exception {
    KafkaProducer<String, String> producer = producer("callbacks-producer", Map.of());
    List<SpanContext> callbackContexts = new CopyOnWriteArrayList<>();
    List<RecordMetadata> acknowledged = new CopyOnWriteArrayList<>();
    AtomicInteger producerSpansEndedBeforeCallback = new AtomicInteger();
    CountDownLatch called = new CountDownLatch(1);

    Span root = TEST_TRACER.spanBuilder("test").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      producer
          .send(
              new ProducerRecord<>("callbacks", null, "no key"),
              (metadata, exception) -> {
                callbackContexts.add(Span.current().getSpanContext());
                acknowledged.add(metadata);
                producerSpansEndedBeforeCallback.set(AgentTesting.spans().size());
                called.countDown();
              })
          .get(10, TimeUnit.SECONDS);
    } finally {
      root.end();
    }
    assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
    // Positive signal that the first callback is not invoked again: Kafka runs the callbacks of one
    // partition in order, so once a later record's callback ran, a second invocation would have come.
    CountDownLatch markerAcknowledged = new CountDownLatch(1);
    producer.send(
        new ProducerRecord<>("callbacks", 0, null, "marker"), (metadata, exception) -> markerAcknowledged.countDown());
    assertThat(markerAcknowledged.await(10, TimeUnit.SECONDS)).isTrue();

    SpanData send = named(AgentTesting.waitForSpans(2).trace(0).spans(), "send callbacks");
    assertThat(callbackContexts).containsExactly(root.getSpanContext());
    assertThat(acknowledged).hasSize(1);
    assertThat(producerSpansEndedBeforeCallback.get()).isEqualTo(1);
    spanAssert(send)
        .hasKind(SpanKind.PRODUCER)
        .hasParent(AgentTesting.spans().stream().filter(s -> s.getName().equals("test")).findFirst().get())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "callbacks"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), acknowledged.get(0).offset()),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "callbacks-producer"));
  }

  @Test
  void sendToAMissingTopicEndsTheSpanWithTheError() throws Exception {
    KafkaProducer<String, String> producer =
        producer("failing-producer", Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300"));
    List<Exception> callbackErrors = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                producer
                    .send(new ProducerRecord<>("no-such-topic", "k", "v"), (metadata, e) -> callbackErrors.add(e))
                    .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);

    SpanData send = AgentTesting.waitForSpans(1).trace(0).get(0);
    assertThat(callbackErrors).hasSize(1).first().isInstanceOf(TimeoutException.class);
    spanAssert(send)
        .hasName("send no-such-topic")
        .hasKind(SpanKind.PRODUCER)
        .hasNoParent()
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasException(callbackErrors.get(0))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "no-such-topic"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.kafka.message.key"), "k"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "failing-producer"),
            equalTo(stringKey("error.type"), "org.apache.kafka.common.errors.TimeoutException"));
  }

  @Test
  void recordsOfSeveralPartitionsEachContinueTheirProducersTrace() throws Exception {
    KafkaProducer<String, String> producer = producer("multi-producer", Map.of());
    for (int partition = 0; partition < 3; partition++) {
      producer.send(new ProducerRecord<>("multi", partition, "key-" + partition, "value-" + partition))
          .get(10, TimeUnit.SECONDS);
    }
    KafkaConsumer<String, String> consumer = consumer("multi-consumer", "multi-group", "multi", 3);
    Map<String, SpanContext> currentByKey = new java.util.concurrent.ConcurrentHashMap<>();
    int received = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (received < 3 && System.nanoTime() < deadline) {
      ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) {
        // the poll's consumer waits in the records' own field (the class loaded after the agent), not in a map
        assertThat(records).isInstanceOf(InjectedSlot.class);
        assertThat(((InjectedSlot) (Object) records).vireo$slot().getClass().getSimpleName())
            .isEqualTo("ConsumerInfo");
      }
      for (TopicPartition partition : records.partitions()) {
        for (ConsumerRecord<String, String> record : records.records(partition)) {
          currentByKey.put(record.key(), Span.current().getSpanContext());
          received++;
        }
      }
    }
    assertThat(received).isEqualTo(3);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();

    List<SpanData> spans = AgentTesting.waitFor(
        s -> s.stream().filter(span -> span.getName().equals("process multi")).count() == 3,
        Duration.ofSeconds(10), "3 process spans").all().stream()
        .flatMap(trace -> trace.spans().stream()).collect(Collectors.toList());
    List<SpanData> sends = spans.stream().filter(s -> s.getName().equals("send multi")).collect(Collectors.toList());
    List<SpanData> polls = spans.stream().filter(s -> s.getName().equals("poll multi")).collect(Collectors.toList());
    List<SpanData> processes =
        spans.stream().filter(s -> s.getName().equals("process multi"))
            .sorted(Comparator.comparing(s -> s.getAttributes().get(stringKey("messaging.destination.partition.id"))))
            .collect(Collectors.toList());
    assertThat(sends).hasSize(3);
    assertThat(processes).hasSize(3);
    assertThat(polls).isNotEmpty();
    assertThat(polls.stream().mapToLong(p -> p.getAttributes().get(longKey("messaging.batch.message_count"))).sum())
        .isEqualTo(3L);
    assertThat(polls.stream().flatMap(p -> p.getLinks().stream()).map(link -> ids(link.getSpanContext())))
        .containsExactlyInAnyOrderElementsOf(sends.stream().map(s -> ids(s.getSpanContext())).collect(Collectors.toList()));
    for (int partition = 0; partition < 3; partition++) {
      String id = String.valueOf(partition);
      SpanData sendSpan = sends.stream()
          .filter(s -> id.equals(s.getAttributes().get(stringKey("messaging.destination.partition.id"))))
          .findFirst().orElseThrow();
      SpanData process = processes.get(partition);
      spanAssert(process)
          .hasParent(sendSpan)
          .hasTraceId(sendSpan.getTraceId())
          .hasAttributesSatisfyingExactly(
              equalTo(stringKey("messaging.system"), "kafka"),
              equalTo(stringKey("messaging.destination.name"), "multi"),
              equalTo(stringKey("messaging.operation.type"), "process"),
              equalTo(stringKey("messaging.operation.name"), "process"),
              equalTo(stringKey("messaging.destination.partition.id"), id),
              equalTo(longKey("messaging.kafka.offset"), 0L),
              equalTo(longKey("messaging.message.body.size"), 7L),
              equalTo(stringKey("messaging.kafka.message.key"), "key-" + partition),
              equalTo(stringKey("messaging.consumer.group.name"), "multi-group"),
              equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
              equalTo(stringKey("messaging.client.id"), "multi-consumer"));
      assertThat(currentByKey.get("key-" + partition)).isEqualTo(process.getSpanContext());
    }
  }

  @Test
  void resendingARecordWithReadOnlyHeadersStillSends() throws Exception {
    KafkaProducer<String, String> producer = producer("resent-producer", Map.of());
    ProducerRecord<String, String> record = new ProducerRecord<>("resent", "same", "twice");
    producer.send(record).get(10, TimeUnit.SECONDS);
    // Kafka made the headers read-only when it sent the record; the second send must go through.
    producer.send(record).get(10, TimeUnit.SECONDS);
    assertThat(record.headers().headers("traceparent")).hasSize(1);

    KafkaConsumer<String, String> consumer = consumer("resent-consumer", "resent-group", "resent", 1);
    List<Long> offsets = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (offsets.size() < 2 && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> consumed : consumer.poll(Duration.ofMillis(200)).records("resent")) {
        offsets.add(consumed.offset());
      }
    }
    assertThat(offsets).containsExactly(0L, 1L);

    List<SpanData> spans = AgentTesting.waitFor(
        s -> s.stream().filter(span -> span.getName().equals("process resent")).count() == 2,
        Duration.ofSeconds(10), "2 process spans").all().stream()
        .flatMap(trace -> trace.spans().stream()).collect(Collectors.toList());
    List<SpanData> sends = spans.stream().filter(s -> s.getName().equals("send resent"))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).collect(Collectors.toList());
    assertThat(sends).hasSize(2);
    assertThat(sends.get(1).getAttributes().get(longKey("messaging.kafka.offset"))).isEqualTo(1L);
    // Both copies carry the first send's context: the second could not write its own.
    assertThat(spans.stream().filter(s -> s.getName().equals("process resent")))
        .allSatisfy(process -> spanAssert(process).hasParent(sends.get(0)));
  }

  @Test
  void emptyPollsCreateNoSpans() {
    KafkaConsumer<String, String> consumer = consumer("quiet-consumer", "quiet-group", "quiet", 1);
    for (int i = 0; i < 3; i++) {
      assertThat(consumer.poll(Duration.ofMillis(100)).isEmpty()).isTrue();
    }
    assertThat(AgentTesting.spans()).isEmpty();
  }

  @Test
  void leavingTheLoopEarlyLeavesNoSpanCurrentAfterTheNextPoll() throws Exception {
    KafkaProducer<String, String> producer = producer("early-producer", Map.of());
    producer.send(new ProducerRecord<>("early-exit", "a", "1")).get(10, TimeUnit.SECONDS);
    producer.send(new ProducerRecord<>("early-exit", "b", "2")).get(10, TimeUnit.SECONDS);
    KafkaConsumer<String, String> consumer = consumer("early-consumer", "early-group", "early-exit", 1);
    ConsumerRecords<String, String> records = pollUntil(consumer, 2);
    SpanContext duringFirst = null;
    for (ConsumerRecord<String, String> record : records) {
      duringFirst = Span.current().getSpanContext();
      break; // the process span of "a" stays open and current...
    }
    assertThat(duringFirst.isValid()).isTrue();
    assertThat(Span.current().getSpanContext()).isEqualTo(duringFirst);
    consumer.poll(Duration.ofMillis(50)); // ...until the next poll on this thread ends it
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
    SpanData process = AgentTesting.waitForSpanNamed("process early-exit");
    assertThat(process.getSpanContext()).isEqualTo(duringFirst);
    spanAssert(process).hasAttribute(stringKey("messaging.kafka.message.key"), "a");
  }

  @Test
  void aTombstoneIsProcessedWithoutABodySize() throws Exception {
    KafkaProducer<String, String> producer = producer("tombstone-producer", Map.of());
    producer.send(new ProducerRecord<>("tombstones", "gone", null)).get(10, TimeUnit.SECONDS);
    KafkaConsumer<String, String> consumer = consumer("tombstone-consumer", "tombstone-group", "tombstones", 1);
    for (ConsumerRecord<String, String> record : pollUntil(consumer, 1)) {
      assertThat(record.value()).isNull();
    }
    SpanData process = AgentTesting.waitForSpanNamed("process tombstones");
    spanAssert(process).hasAttribute(stringKey("messaging.kafka.message.key"), "gone");
    assertThat(process.getAttributes().get(longKey("messaging.message.body.size"))).isNull();
  }

  @Test
  void aPollOverSeveralTopicsIsNamedByItsOperationOnly() throws Exception {
    KafkaProducer<String, String> producer = producer("mixed-producer", Map.of());
    producer.send(new ProducerRecord<>("mixed-a", "a", "1")).get(10, TimeUnit.SECONDS);
    producer.send(new ProducerRecord<>("mixed-b", "b", "2")).get(10, TimeUnit.SECONDS);
    KafkaConsumer<String, String> consumer = consumer("mixed-consumer", "mixed-group", "mixed-a", 1);
    List<TopicPartition> both = List.of(new TopicPartition("mixed-a", 0), new TopicPartition("mixed-b", 0));
    consumer.assign(both);
    consumer.seekToBeginning(both);
    ConsumerRecords<String, String> records = ConsumerRecords.empty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (records.count() < 2 && System.nanoTime() < deadline) {
      AgentTesting.clear(); // keep only the poll that got both
      records = consumer.poll(Duration.ofMillis(500));
      for (ConsumerRecord<String, String> record : records) {
        // processed
      }
      if (records.count() < 2) {
        consumer.seekToBeginning(both);
      }
    }
    assertThat(records.count()).isEqualTo(2);

    List<SpanData> spans = AgentTesting.waitFor(
        s -> s.stream().filter(span -> span.getName().startsWith("process ")).count() == 2,
        Duration.ofSeconds(10), "2 process spans").all().stream()
        .flatMap(trace -> trace.spans().stream()).collect(Collectors.toList());
    spanAssert(named(spans, "poll"))
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "poll"),
            equalTo(longKey("messaging.batch.message_count"), 2L),
            equalTo(stringKey("messaging.consumer.group.name"), "mixed-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "mixed-consumer"));
    named(spans, "process mixed-a");
    named(spans, "process mixed-b");
  }

  private static io.opentelemetry.sdk.testing.assertj.SpanDataAssert spanAssert(SpanData span) {
    return io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat(span);
  }

  /** Trace and span id: a link's context is remote (it came through the headers), the span's is not. */
  private static String ids(SpanContext context) {
    return context.getTraceId() + "/" + context.getSpanId() + "/" + context.getTraceFlags().asHex();
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> matching = spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    assertThat(matching).as("spans named %s in %s", name, spans).hasSize(1);
    return matching.get(0);
  }

  private static ConsumerRecords<String, String> pollUntil(KafkaConsumer<String, String> consumer, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) {
        assertThat(records.count()).isEqualTo(count);
        return records;
      }
    }
    throw new AssertionError("no records within 15 s");
  }

  private KafkaProducer<String, String> producer(String clientId, Map<String, String> extra) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.putAll(extra);
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    clients.add(producer);
    return producer;
  }

  private KafkaConsumer<String, String> consumer(String clientId, String groupId, String topic, int partitions) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    clients.add(consumer);
    List<TopicPartition> assigned = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      assigned.add(new TopicPartition(topic, i));
    }
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    return consumer;
  }
}
