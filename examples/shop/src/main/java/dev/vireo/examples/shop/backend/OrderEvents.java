package dev.vireo.examples.shop.backend;

import dev.vireo.examples.shop.JsonText;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes {@code order-placed} events (key = item id, value = small JSON) with a plain Kafka producer. */
public final class OrderEvents implements AutoCloseable {

  public static final String TOPIC = "order-placed";

  private final KafkaProducer<String, String> producer;

  public OrderEvents(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "shop-backend");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    this.producer = new KafkaProducer<>(config);
  }

  /** Sends the event and waits for the broker's acknowledgement, so a placed order is never silently lost. */
  public void orderPlaced(Item item, String reservationId)
      throws InterruptedException, ExecutionException, TimeoutException {
    String value = "{\"itemId\":" + item.id() + ",\"name\":" + JsonText.quote(item.name())
        + ",\"priceCents\":" + item.priceCents() + ",\"reservation\":" + JsonText.quote(reservationId) + "}";
    producer.send(new ProducerRecord<>(TOPIC, Integer.toString(item.id()), value)).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close();
  }
}
