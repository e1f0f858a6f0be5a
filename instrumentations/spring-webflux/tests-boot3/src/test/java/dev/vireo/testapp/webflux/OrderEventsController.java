package dev.vireo.testapp.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The shop's handler that does all three in one chain: JDBC on {@code boundedElastic}, a
 * {@code WebClient} call to the shop's own router function, then a Kafka publish whose
 * acknowledgement the response waits for. Only in the Boot 3 scenarios (this module has the broker).
 */
@RestController
public class OrderEventsController implements DisposableBean {

  static final String TOPIC = "shop-orders";
  static final String CLIENT_ID = "shop-producer";

  private final WebClient webClient;
  private final KafkaProducer<String, String> producer;

  public OrderEventsController(
      WebClient.Builder webClients, @Value("${shop.kafka.bootstrap-servers}") String bootstrapServers) {
    this.webClient = webClients.build();
    this.producer = new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
        new StringSerializer(),
        new StringSerializer());
  }

  @GetMapping("/orders/{id}/publish")
  public Mono<String> publish(@PathVariable("id") String id, ServerHttpRequest request) {
    String base = request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
    return Mono.fromCallable(() -> OrderController.itemName(id))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(name -> webClient.get().uri(base + "/stock/" + id).retrieve().bodyToMono(String.class)
            .map(stock -> name + " " + stock))
        // send() may block on metadata: off the event loop, as an application would
        .flatMap(event -> Mono.fromFuture(() -> send(id, event)).subscribeOn(Schedulers.boundedElastic())
            .map(sent -> "published " + id + " " + event + " at offset " + sent.offset()));
  }

  private CompletableFuture<RecordMetadata> send(String key, String value) {
    CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
    producer.send(new ProducerRecord<>(TOPIC, key, value), (metadata, error) -> {
      if (error != null) {
        sent.completeExceptionally(error);
      } else {
        sent.complete(metadata);
      }
    });
    return sent;
  }

  @Override
  public void destroy() {
    producer.close(Duration.ofSeconds(5));
  }
}
