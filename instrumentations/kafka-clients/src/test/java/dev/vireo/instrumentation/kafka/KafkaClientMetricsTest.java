package dev.vireo.instrumentation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clients' own metrics, as the OpenTelemetry agent exports them ({@code kafka.producer.*}, {@code
 * kafka.consumer.*}), read from real clients of an in-process broker.
 */
@ExtendWith(AgentTestingExtension.class)
class KafkaClientMetricsTest {

  private static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("client-id");

  private static KafkaTestBroker broker;
  private static String clusterId;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaTestBroker.start();
    broker.createTopic("metered", 1);
    broker.createTopic("reported", 1);
    clusterId = broker.clusterId();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aClientsMetricsAreExportedAsTheAgentExportsThemUntilItCloses() throws Exception {
    try (KafkaProducer<String, String> producer = producer("metered-producer", Map.of());
        KafkaConsumer<String, String> consumer = consumer("metered-consumer", "metered")) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>("metered", "key-" + i, "value")).get(10, TimeUnit.SECONDS);
      }
      consumeAtLeast(consumer, 3);

      MetricData sent = await("kafka.producer.record_send_total", "metered-producer", 1);
      assertThat(sent.getType()).isEqualTo(MetricDataType.DOUBLE_SUM);
      assertThat(sent.getDoubleSumData().isMonotonic()).isTrue();
      assertThat(sent.getUnit()).isEmpty();
      // per topic only: the client-wide total of the same name is not exported beside it (a sum would count twice)
      DoublePointData sentPoint = only(sent, "metered-producer");
      assertThat(sentPoint.getAttributes()).isEqualTo(Attributes.builder()
          .put("client-id", "metered-producer")
          .put("topic", "metered")
          .put("messaging.kafka.cluster.id", clusterId)
          .build());
      assertThat(sentPoint.getValue()).isEqualTo(3.0);

      MetricData consumed = await("kafka.consumer.records_consumed_total", "metered-consumer", 1);
      assertThat(consumed.getType()).isEqualTo(MetricDataType.DOUBLE_SUM);
      DoublePointData consumedPoint = only(consumed, "metered-consumer");
      assertThat(consumedPoint.getAttributes()).isEqualTo(Attributes.builder()
          .put("client-id", "metered-consumer")
          .put("topic", "metered")
          .put("messaging.kafka.cluster.id", clusterId)
          .build());
      assertThat(consumedPoint.getValue()).isEqualTo(3.0);

      MetricData lag = await("kafka.consumer.records_lag_max", "metered-consumer", 1);
      assertThat(lag.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
      assertThat(only(lag, "metered-consumer").getAttributes()).isEqualTo(Attributes.builder()
          .put("client-id", "metered-consumer")
          .put("topic", "metered")
          .put("partition", "0")
          .put("messaging.kafka.cluster.id", clusterId)
          .build());

      MetricData connections = await("kafka.producer.connection_count", "metered-producer", 1);
      assertThat(connections.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
      assertThat(connections.getDescription()).isEqualTo("The current number of active connections.");
    }

    // closed: neither client's points are read any more
    Map<String, MetricData> after = byName(AgentTesting.collectMetrics());
    assertThat(points(after.get("kafka.producer.record_send_total"), "metered-producer")).isEmpty();
    assertThat(points(after.get("kafka.consumer.records_consumed_total"), "metered-consumer")).isEmpty();
  }

  @Test
  void theApplicationsOwnReporterStillGetsTheMetrics() throws Exception {
    CountingReporter.CHANGES.set(0);
    try (KafkaProducer<String, String> producer =
        producer("reported-producer", Map.of(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, CountingReporter.class.getName()))) {
      producer.send(new ProducerRecord<>("reported", "key", "value")).get(10, TimeUnit.SECONDS);

      assertThat(CountingReporter.CHANGES.get()).isPositive();
      assertThat(only(await("kafka.producer.record_send_total", "reported-producer", 1), "reported-producer").getValue())
          .isEqualTo(1.0);
    }
  }

  /** An application's reporter, configured by its class name. */
  public static final class CountingReporter implements MetricsReporter {
    static final AtomicInteger CHANGES = new AtomicInteger();

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void init(List<KafkaMetric> metrics) {
      CHANGES.addAndGet(metrics.size());
    }

    @Override
    public void metricChange(KafkaMetric metric) {
      CHANGES.incrementAndGet();
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {}

    @Override
    public void close() {}
  }

  /** The metric once it has {@code points} points of the client (the instruments wait for the pipeline's start). */
  private static MetricData await(String name, String clientId, int points) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Map<String, MetricData> metrics;
    do {
      metrics = byName(AgentTesting.collectMetrics());
      MetricData metric = metrics.get(name);
      if (metric != null && points(metric, clientId).size() >= points) {
        return metric;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(name + " has no point for " + clientId + " within 15 s; kafka metrics: "
        + metrics.keySet().stream().filter(n -> n.startsWith("kafka.")).sorted().collect(Collectors.toList()));
  }

  private static Map<String, MetricData> byName(java.util.Collection<MetricData> metrics) {
    return metrics.stream().collect(Collectors.toMap(MetricData::getName, m -> m, (a, b) -> a));
  }

  private static List<DoublePointData> points(MetricData metric, String clientId) {
    List<DoublePointData> points = new ArrayList<>();
    if (metric == null) {
      return points;
    }
    java.util.Collection<DoublePointData> all = metric.getType() == MetricDataType.DOUBLE_SUM
        ? metric.getDoubleSumData().getPoints()
        : metric.getDoubleGaugeData().getPoints();
    for (DoublePointData point : all) {
      if (clientId.equals(point.getAttributes().get(CLIENT_ID))) {
        points.add(point);
      }
    }
    return points;
  }

  private static DoublePointData only(MetricData metric, String clientId) {
    List<DoublePointData> points = points(metric, clientId);
    assertThat(points).as(metric.getName() + " points of " + clientId).hasSize(1);
    return points.get(0);
  }

  private static void consumeAtLeast(KafkaConsumer<String, String> consumer, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    int consumed = 0;
    while (consumed < count && System.nanoTime() < deadline) {
      consumed += consumer.poll(Duration.ofMillis(200)).count();
    }
    assertThat(consumed).isEqualTo(count);
  }

  private static KafkaProducer<String, String> producer(String clientId, Map<String, String> extra) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.putAll(extra);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String clientId, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, clientId + "-group");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    return consumer;
  }
}
