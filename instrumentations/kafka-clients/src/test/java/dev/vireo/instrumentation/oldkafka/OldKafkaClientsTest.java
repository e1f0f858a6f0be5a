package dev.vireo.instrumentation.oldkafka;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The oldest supported kafka-clients (the surefire execution {@code oldest-kafka-clients} puts it on
 * the class path) against a current broker in a child JVM. Uses only API that version has.
 */
@ExtendWith(AgentTestingExtension.class)
class OldKafkaClientsTest {

  private static ForkedKafkaBroker broker;
  /** What every span of a client of {@link #broker} carries as {@code messaging.kafka.cluster.id}. */
  private static String clusterId;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = ForkedKafkaBroker.start("old-orders:1");
    Properties admin = new Properties();
    admin.put("bootstrap.servers", broker.bootstrapServers());
    try (AdminClient client = AdminClient.create(admin)) {
      clusterId = client.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theExpectedClientVersionIsUnderTest() {
    // The jar KafkaProducer comes from (AppInfoParser's version resource also exists in the broker's jars).
    assertThat(KafkaProducer.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith("/kafka-clients-" + System.getProperty("vireo.test.kafkaClientsVersion") + ".jar");
  }

  /** 2.1 names its totals' statistic {@code Total} (later {@code CumulativeSum}): still a monotonic sum. */
  @Test
  void theClientsMetricsAreExported() throws Exception {
    Properties producerConfig = new Properties();
    producerConfig.put("bootstrap.servers", broker.bootstrapServers());
    producerConfig.put("client.id", "old-metered-producer");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("old-orders", "a", "1")).get(30, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>("old-orders", "b", "2")).get(30, TimeUnit.SECONDS);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      List<DoublePointData> points = new ArrayList<>();
      MetricData sent = null;
      while (points.isEmpty() && System.nanoTime() < deadline) {
        for (MetricData metric : AgentTesting.collectMetrics()) {
          if (metric.getName().equals("kafka.producer.record_send_total")) {
            sent = metric;
            for (DoublePointData point : metric.getDoubleSumData().getPoints()) {
              if ("old-metered-producer".equals(point.getAttributes().get(stringKey("client-id")))) {
                points.add(point);
              }
            }
          }
        }
        Thread.sleep(50);
      }
      assertThat(sent).isNotNull();
      assertThat(sent.getType()).isEqualTo(MetricDataType.DOUBLE_SUM);
      assertThat(sent.getDoubleSumData().isMonotonic()).isTrue();
      assertThat(points).hasSize(1);
      assertThat(points.get(0).getValue()).isEqualTo(2.0);
      assertThat(points.get(0).getAttributes().get(stringKey("topic"))).isEqualTo("old-orders");
      assertThat(points.get(0).getAttributes().get(stringKey("messaging.kafka.cluster.id"))).isNotEmpty();
    }
  }

  @Test
  void produceCallbackAndConsumeAreOneTrace() throws Exception {
    Properties producerConfig = new Properties();
    producerConfig.put("bootstrap.servers", broker.bootstrapServers());
    producerConfig.put("client.id", "old-producer");
    Properties consumerConfig = new Properties();
    consumerConfig.put("bootstrap.servers", broker.bootstrapServers());
    consumerConfig.put("client.id", "old-consumer");
    consumerConfig.put("group.id", "old-group");
    consumerConfig.put("enable.auto.commit", "false");
    List<SpanContext> callbackContexts = new CopyOnWriteArrayList<>();
    List<SpanContext> processing = new ArrayList<>();

    Span root = VireoTelemetry.get().getTracer("test").spanBuilder("test").startSpan();
    try (KafkaProducer<String, String> producer =
            new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        Scope ignored = root.makeCurrent()) {
      producer
          .send(
              new ProducerRecord<>("old-orders", "order-1", "hello"),
              (metadata, e) -> callbackContexts.add(Span.current().getSpanContext()))
          .get(30, TimeUnit.SECONDS);
      TopicPartition partition = new TopicPartition("old-orders", 0);
      consumer.assign(Collections.singletonList(partition));
      consumer.seekToBeginning(Collections.singletonList(partition));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (processing.isEmpty() && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, String> record : records) {
          processing.add(Span.current().getSpanContext());
        }
      }
      assertThat(Span.current().getSpanContext()).isEqualTo(root.getSpanContext());
    } finally {
      root.end();
    }

    List<SpanData> spans =
        AgentTesting.waitForSpans(4, Duration.ofSeconds(20)).all().stream()
            .flatMap(trace -> trace.spans().stream())
            .collect(Collectors.toList());
    assertThat(spans).hasSize(4);
    SpanData test = named(spans, "test");
    SpanData send = named(spans, "send old-orders");
    SpanData poll = named(spans, "poll old-orders");
    SpanData process = named(spans, "process old-orders");
    assertThat(spans).allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(test.getTraceId()));
    assertThat(callbackContexts).containsExactly(root.getSpanContext());
    assertThat(processing).containsExactly(process.getSpanContext());

    OpenTelemetryAssertions.assertThat(send)
        .hasKind(SpanKind.PRODUCER)
        .hasParent(test)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "old-orders"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), 0L),
            equalTo(stringKey("messaging.kafka.message.key"), "order-1"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "old-producer"));
    OpenTelemetryAssertions.assertThat(poll)
        .hasKind(SpanKind.CLIENT)
        .hasParent(test)
        .hasLinksSatisfying(
            links -> {
              assertThat(links).hasSize(1);
              assertThat(links.get(0).getSpanContext().getSpanId()).isEqualTo(send.getSpanId());
            })
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "old-orders"),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "poll"),
            equalTo(longKey("messaging.batch.message_count"), 1L),
            equalTo(stringKey("messaging.consumer.group.name"), "old-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "old-consumer"));
    OpenTelemetryAssertions.assertThat(process)
        .hasKind(SpanKind.CONSUMER)
        .hasParent(send)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "old-orders"),
            equalTo(stringKey("messaging.operation.type"), "process"),
            equalTo(stringKey("messaging.operation.name"), "process"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), 0L),
            equalTo(longKey("messaging.message.body.size"), 5L),
            equalTo(stringKey("messaging.kafka.message.key"), "order-1"),
            equalTo(stringKey("messaging.consumer.group.name"), "old-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "old-consumer"));
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> matching = spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    assertThat(matching).as("spans named %s in %s", name, spans).hasSize(1);
    return matching.get(0);
  }
}
