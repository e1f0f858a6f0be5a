package dev.vireo.testapp.webflux;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/** Annotated endpoints: JDBC on boundedElastic, scheduler hops, server-sent events. */
@RestController
public class OrderController {

  /** Wall-clock time (epoch nanos) at which /events emitted its last event. */
  public static volatile long lastEventEpochNanos;
  /** Counted down when the never-ending /forever stream is cancelled. */
  public static volatile CountDownLatch foreverCancelled = new CountDownLatch(1);
  /** Wall-clock time (epoch nanos) at which /forever was cancelled. */
  public static volatile long foreverCancelledEpochNanos;
  /** The names of the threads that received /hop requests (Reactor Netty's event loops). */
  public static final Set<String> REQUEST_THREADS = ConcurrentHashMap.newKeySet();

  private final WebClient webClient;

  public OrderController(WebClient.Builder webClients) {
    this.webClient = webClients.build();
  }

  /** JDBC on boundedElastic, then a WebClient call to this shop's own router function. */
  @GetMapping("/checkout/{id}")
  public Mono<String> checkout(@PathVariable("id") String id, ServerHttpRequest request) {
    String base = request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
    return Mono.fromCallable(() -> itemName(id))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(name -> webClient.get().uri(base + "/stock/" + id).retrieve().bodyToMono(String.class)
            .map(stock -> "checkout " + id + " " + name + " " + stock))
        .doOnNext(body -> spanAfterCheckoutCall = Span.current().getSpanContext().getSpanId());
  }

  /** The span current in the checkout chain's first operator after the WebClient call's response. */
  public static volatile String spanAfterCheckoutCall;

  /** Subscribed when /stuck is handling a request; counted down when that request is cancelled. */
  public static volatile CountDownLatch stuckSubscribed = new CountDownLatch(1);
  public static volatile CountDownLatch stuckCancelled = new CountDownLatch(1);

  /** Never answers: the client gives up first. */
  @GetMapping("/stuck")
  public Mono<String> stuck() {
    return Mono.<String>never()
        .doOnSubscribe(s -> stuckSubscribed.countDown())
        .doOnCancel(() -> stuckCancelled.countDown());
  }

  /** Fails after a scheduler hop; Spring's error handling answers 500. */
  @GetMapping("/orders/{id}/broken")
  public Mono<String> broken(@PathVariable("id") String id) {
    return Mono.just(id).publishOn(Schedulers.parallel()).map(v -> {
      throw new IllegalStateException("order " + v + " is broken");
    });
  }

  /** A call through Reactor Netty's own HttpClient (no WebClient) to this shop's router function. */
  @GetMapping("/netty/{id}")
  public Mono<String> netty(@PathVariable("id") String id, ServerHttpRequest request) {
    String base = request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
    return HttpClient.create().get().uri(base + "/stock/" + id).responseContent().aggregate().asString()
        .map(stock -> "netty " + stock)
        .doOnNext(body -> spanAfterNettyCall = Span.current().getSpanContext().getSpanId());
  }

  /** The span current in the netty chain's first operator after the HttpClient call's response. */
  public static volatile String spanAfterNettyCall;

  /** A WebClient call to a port nobody listens on, retried twice. */
  @GetMapping("/unreachable")
  public Mono<String> unreachable() {
    return webClient.get().uri("http://127.0.0.1:" + CLOSED_PORT + "/nowhere").retrieve().bodyToMono(String.class)
        .retryWhen(Retry.max(2))
        .onErrorResume(e -> Mono.just("unreachable"));
  }

  /** A port that was free a moment ago: connections to it are refused. */
  public static final int CLOSED_PORT = closedPort();

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * An outside callback (a thread with no context) completes the request through a sink; the first
   * operator after the sink queries the database on that thread.
   */
  @GetMapping("/sinks/{id}")
  public Mono<String> sinks(@PathVariable("id") String id) {
    Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();
    Thread emitter = new Thread(Context.root().wrap(() -> emitOnDemand(sink, id)), "sink-emitter");
    return sink.asFlux()
        .map(v -> {
          try {
            return itemName(v) + " on " + Thread.currentThread().getName();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .next()
        .doOnSubscribe(s -> emitter.start());
  }

  /** Best effort refuses an element nobody asked for: this emits exactly when the subscriber has demand. */
  private static void emitOnDemand(Sinks.Many<String> sink, String value) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sink.tryEmitNext(value).isFailure() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  @GetMapping("/orders/{id}")
  public Mono<String> order(@PathVariable("id") String id) {
    return Mono.fromCallable(() -> itemName(id))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(name -> Mono.delay(Duration.ofMillis(1)).map(tick -> "order " + id + " " + name));
  }

  /** Hops from the event loop to parallel, boundedElastic and a timer; says whether each step saw the request's trace. */
  @GetMapping("/hop/{n}")
  public Mono<String> hop(@PathVariable("n") int n) {
    REQUEST_THREADS.add(Thread.currentThread().getName());
    String traceId = Span.current().getSpanContext().getTraceId();
    return Mono.just(n)
        .publishOn(Schedulers.parallel())
        .map(v -> same(traceId))
        .flatMap(ok -> Mono.fromCallable(() -> ok & same(traceId)).subscribeOn(Schedulers.boundedElastic()))
        .delayElement(Duration.ofMillis(n % 2))
        .map(ok -> ok & same(traceId) ? "same" : "mixed");
  }

  @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<String> events() {
    // buffered: interval cannot wait for demand, and the first write of a stream may be slow
    return Flux.interval(Duration.ofMillis(20))
        .onBackpressureBuffer()
        .take(5)
        .map(i -> "event " + i)
        .doOnNext(e -> lastEventEpochNanos = epochNanos());
  }

  @GetMapping(value = "/forever", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<String> forever() {
    return Flux.interval(Duration.ofMillis(20)).onBackpressureBuffer().map(i -> "tick " + i).doOnCancel(() -> {
      foreverCancelledEpochNanos = epochNanos();
      foreverCancelled.countDown();
    });
  }

  private static boolean same(String traceId) {
    return Span.current().getSpanContext().getTraceId().equals(traceId);
  }

  static long epochNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static String itemName(String id) throws Exception {
    try (Connection connection = DriverManager.getConnection(FluxShopApplication.DATABASE);
        PreparedStatement statement = connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : "unknown";
      }
    }
  }
}
