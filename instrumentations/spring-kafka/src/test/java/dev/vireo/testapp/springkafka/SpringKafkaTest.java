package dev.vireo.testapp.springkafka;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * {@code @KafkaListener} record and batch listeners in a Spring context, against the in-process
 * KRaft broker: one CONSUMER {@code process} span per record (parent: the producer) or per batch
 * (links: the producers), the listener's JDBC query under it, and no other process spans. The
 * same source runs against Spring Kafka 2.8 and 3.x (spring-kafka-2.8-tests, spring-kafka-3-tests),
 * so it uses only API those share.
 */
@ExtendWith(AgentTestingExtension.class)
class SpringKafkaTest {

  private static TestBroker broker;
  private static AnnotationConfigApplicationContext context;
  private static Listeners listeners;

  @EnableKafka
  @Configuration(proxyBeanMethods = false)
  static class Config {
    @Bean
    ConsumerFactory<String, String> consumerFactory() {
      Map<String, Object> config = new HashMap<>();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> recordFactory(ConsumerFactory<String, String> consumers) {
      ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
      factory.setConsumerFactory(consumers);
      return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> batchFactory(ConsumerFactory<String, String> consumers) {
      ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
      factory.setConsumerFactory(consumers);
      factory.setBatchListener(true);
      return factory;
    }

    @Bean
    Listeners listeners() {
      return new Listeners();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    broker = TestBroker.start(Listeners.RECORD_TOPIC, Listeners.BATCH_TOPIC);
    context = new AnnotationConfigApplicationContext(Config.class);
    listeners = context.getBean(Listeners.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void recordListenerRunsInTheRecordsProcessSpanChildOfTheProducer() throws Exception {
    send(Listeners.RECORD_TOPIC, "r1", "r2");
    assertThat(listeners.handledRecords.poll(60, TimeUnit.SECONDS)).isEqualTo("r1");
    assertThat(listeners.handledRecords.poll(60, TimeUnit.SECONDS)).isEqualTo("r2");

    // per record: send, process, the query; plus the polls that returned them
    AgentTesting.waitFor(
        spans -> count(spans, SpanKind.CONSUMER) >= 2 && count(spans, SpanKind.CLIENT, "SELECT") >= 2,
        Duration.ofSeconds(30),
        "two process spans and two queries");
    List<SpanData> spans = AgentTesting.spans();
    List<SpanData> sends = of(spans, SpanKind.PRODUCER);
    List<SpanData> processes = of(spans, SpanKind.CONSUMER);
    assertThat(sends).hasSize(2);
    assertThat(processes).as("spans: %s", spans).hasSize(2);
    for (int i = 0; i < 2; i++) {
      SpanData send = sends.get(i);
      SpanData process =
          processes.stream().filter(p -> p.getParentSpanId().equals(send.getSpanId())).findFirst().orElseThrow();
      assertThat(process.getName()).isEqualTo("process " + Listeners.RECORD_TOPIC);
      assertThat(process.getAttributes().get(stringKey("messaging.consumer.group.name")))
          .isEqualTo("vireo-spring-kafka-record"); // the listener id is its group
      assertThat(process.getTraceId()).isEqualTo(send.getTraceId());
      List<SpanData> queries =
          spans.stream()
              .filter(s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(process.getSpanId()))
              .collect(Collectors.toList());
      assertThat(queries).as("the listener's query under %s: %s", process, spans).hasSize(1);
    }
  }

  @Test
  void batchListenerIsOneProcessSpanLinkedToEachProducer() throws Exception {
    send(Listeners.BATCH_TOPIC, "b1", "b2", "b3");
    context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("vireo-spring-kafka-batch").start();
    int handled = 0;
    int batches = 0;
    while (handled < 3) {
      Integer size = listeners.handledBatches.poll(60, TimeUnit.SECONDS);
      assertThat(size).as("a batch within 60 s").isNotNull();
      handled += size;
      batches++;
    }
    int expectedBatches = batches;

    AgentTesting.waitFor(
        spans -> count(spans, SpanKind.CONSUMER) >= expectedBatches && count(spans, SpanKind.CLIENT, "SELECT") >= expectedBatches,
        Duration.ofSeconds(30),
        "a process span and a query per batch");
    List<SpanData> spans = AgentTesting.spans();
    List<SpanData> sends = of(spans, SpanKind.PRODUCER);
    List<SpanData> processes = of(spans, SpanKind.CONSUMER);
    assertThat(processes).as("one process span per batch, none per record: %s", spans).hasSize(expectedBatches);
    List<String> linked = new ArrayList<>();
    for (SpanData process : processes) {
      assertThat(process.getName()).isEqualTo("process " + Listeners.BATCH_TOPIC);
      assertThat(process.getParentSpanContext().isValid()).isFalse();
      assertThat(process.getAttributes().get(stringKey("messaging.system"))).isEqualTo("kafka");
      assertThat(process.getAttributes().get(stringKey("messaging.operation.type"))).isEqualTo("process");
      assertThat(process.getAttributes().get(stringKey("messaging.consumer.group.name")))
          .isEqualTo("vireo-spring-kafka-batch");
      assertThat(process.getAttributes().get(longKey("messaging.batch.message_count")))
          .isEqualTo((long) process.getLinks().size());
      for (LinkData link : process.getLinks()) {
        linked.add(link.getSpanContext().getSpanId());
      }
      assertThat(spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(process.getSpanId())))
          .as("the listener's query under %s", process)
          .hasSize(1);
    }
    assertThat(linked).containsExactlyInAnyOrderElementsOf(sends.stream().map(SpanData::getSpanId).collect(Collectors.toList()));
  }

  private static void send(String topic, String... values) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value));
      }
      producer.flush();
    }
  }

  private static List<SpanData> of(List<SpanData> spans, SpanKind kind) {
    return spans.stream().filter(s -> s.getKind() == kind).collect(Collectors.toList());
  }

  private static long count(List<SpanData> spans, SpanKind kind) {
    return spans.stream().filter(s -> s.getKind() == kind).count();
  }

  private static long count(List<SpanData> spans, SpanKind kind, String namePrefix) {
    return spans.stream().filter(s -> s.getKind() == kind && s.getName().startsWith(namePrefix)).count();
  }
}
