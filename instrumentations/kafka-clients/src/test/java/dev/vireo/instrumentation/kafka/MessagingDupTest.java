package dev.vireo.instrumentation.kafka;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Runs in the surefire execution {@code messaging-dup} with
 * {@code otel.semconv-stability.opt-in=messaging/dup}: the spans carry the current keys and the
 * OpenTelemetry agent's older ones, under the older span names.
 */
@ExtendWith(AgentTestingExtension.class)
class MessagingDupTest {

  private static KafkaTestBroker broker;
  /** What every span of a client of {@link #broker} carries as {@code messaging.kafka.cluster.id}. */
  private static String clusterId;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaTestBroker.start();
    clusterId = broker.clusterId();
    broker.createTopic("dup", 1);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void oldKeysAndNamesAlongsideTheCurrentOnes() throws Exception {
    assertThat(System.getProperty("otel.semconv-stability.opt-in")).isEqualTo("messaging/dup");
    Properties producerConfig = new Properties();
    producerConfig.put("bootstrap.servers", broker.bootstrapServers());
    producerConfig.put("client.id", "dup-producer");
    Properties consumerConfig = new Properties();
    consumerConfig.put("bootstrap.servers", broker.bootstrapServers());
    consumerConfig.put("client.id", "dup-consumer");
    consumerConfig.put("group.id", "dup-group");
    consumerConfig.put("enable.auto.commit", "false");
    int processed = 0;
    try (KafkaProducer<String, String> producer =
            new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
      producer.send(new ProducerRecord<>("dup", "k", "v")).get(10, TimeUnit.SECONDS);
      TopicPartition partition = new TopicPartition("dup", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (processed == 0 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          processed++;
        }
      }
    }
    assertThat(processed).isEqualTo(1);

    List<SpanData> spans =
        AgentTesting.waitForSpans(3).all().stream().flatMap(t -> t.spans().stream()).collect(Collectors.toList());
    assertThat(spans).extracting(SpanData::getName)
        .containsExactlyInAnyOrder("dup publish", "dup receive", "dup process");
    SpanData send = named(spans, "dup publish");
    SpanData process = named(spans, "dup process");
    OpenTelemetryAssertions.assertThat(send)
        .hasKind(SpanKind.PRODUCER)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "dup"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.operation"), "publish"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), 0L),
            equalTo(longKey("messaging.kafka.message.offset"), 0L),
            equalTo(stringKey("messaging.kafka.message.key"), "k"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "dup-producer"),
            equalTo(stringKey("messaging.client_id"), "dup-producer"));
    OpenTelemetryAssertions.assertThat(named(spans, "dup receive"))
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "dup"),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "poll"),
            equalTo(stringKey("messaging.operation"), "receive"),
            equalTo(longKey("messaging.batch.message_count"), 1L),
            equalTo(stringKey("messaging.consumer.group.name"), "dup-group"),
            equalTo(stringKey("messaging.kafka.consumer.group"), "dup-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "dup-consumer"),
            equalTo(stringKey("messaging.client_id"), "dup-consumer"));
    OpenTelemetryAssertions.assertThat(process)
        .hasKind(SpanKind.CONSUMER)
        .hasParent(send)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), "dup"),
            equalTo(stringKey("messaging.operation.type"), "process"),
            equalTo(stringKey("messaging.operation.name"), "process"),
            equalTo(stringKey("messaging.operation"), "process"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), 0L),
            equalTo(longKey("messaging.message.body.size"), 1L),
            equalTo(longKey("messaging.kafka.message.offset"), 0L),
            equalTo(stringKey("messaging.kafka.message.key"), "k"),
            equalTo(stringKey("messaging.consumer.group.name"), "dup-group"),
            equalTo(stringKey("messaging.kafka.consumer.group"), "dup-group"),
            equalTo(stringKey("messaging.kafka.cluster.id"), clusterId),
            equalTo(stringKey("messaging.client.id"), "dup-consumer"),
            equalTo(stringKey("messaging.client_id"), "dup-consumer"));
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> matching = spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    assertThat(matching).as("spans named %s in %s", name, spans).hasSize(1);
    return matching.get(0);
  }
}
