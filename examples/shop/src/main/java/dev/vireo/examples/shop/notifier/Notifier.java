package dev.vireo.examples.shop.notifier;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier service: a Kafka consumer (group {@code notifier}) of topic {@code order-placed} that logs every
 * order on stdout and hands it to an {@link OrderListener}.
 */
public final class Notifier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  public static final String TOPIC = "order-placed";
  public static final String GROUP = "notifier";

  private final KafkaConsumer<String, String> consumer;
  private final OrderListener listener;
  private final CompletableFuture<Void> assigned = new CompletableFuture<>();
  private final Thread pollThread;
  private volatile boolean running = true;

  private Notifier(String bootstrapServers, OrderListener listener) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "shop-notifier");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(config);
    this.listener = listener;
    this.pollThread = new Thread(this::pollLoop, "notifier-poll");
  }

  /** Subscribes and starts polling in a background thread. */
  public static Notifier start(String bootstrapServers, OrderListener listener) {
    Notifier notifier = new Notifier(bootstrapServers, listener);
    notifier.pollThread.start();
    return notifier;
  }

  /** Completes once the group has assigned this consumer its partitions of {@code order-placed}. */
  public CompletableFuture<Void> assigned() {
    return assigned;
  }

  private void pollLoop() {
    try {
      consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (!partitions.isEmpty()) {
            assigned.complete(null);
          }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
      });
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> record : records) {
          notify(record);
        }
      }
    } catch (WakeupException e) {
      // close() woke us up: fall through and leave the group.
    } catch (RuntimeException e) {
      System.err.println("notifier: consumer failed: " + e);
      assigned.completeExceptionally(e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void notify(ConsumerRecord<String, String> record) {
    LOG.info("order placed item={} partition={} offset={}", record.key(), record.partition(), record.offset());
    System.out.println("notifier: order placed item=" + record.key() + " partition=" + record.partition()
        + " offset=" + record.offset() + " " + record.value());
    try {
      listener.orderPlaced(record.key(), record.value());
    } catch (RuntimeException e) {
      System.err.println("notifier: listener failed for item " + record.key() + ": " + e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    pollThread.join(TimeUnit.SECONDS.toMillis(10));
  }
}
