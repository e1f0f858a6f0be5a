package dev.vireo.testapp.reactor;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Application methods returning Reactor publishers, traced with {@code @WithSpan}. */
public class Quotes {

  /** A span made inside an operator of the returned chain. */
  public static void child(String name) {
    VireoTelemetry.get().getTracer("quotes").spanBuilder(name).startSpan().end();
  }

  @WithSpan
  public Mono<String> quote(@SpanAttribute("item") String item, Duration delay) {
    return Mono.just(item)
        .delayElement(delay)
        .map(
            value -> {
              child("price-lookup");
              return "price of " + value;
            });
  }

  @WithSpan
  public Flux<Integer> lines(int count) {
    return Flux.range(1, count)
        .publishOn(Schedulers.parallel())
        .map(
            line -> {
              child("line-" + line);
              return line;
            });
  }

  @WithSpan
  public Mono<String> outOfStock() {
    return Mono.delay(Duration.ofMillis(10)).then(Mono.error(new IllegalStateException("out of stock")));
  }

  @WithSpan
  public Flux<Long> ticks() {
    return Flux.interval(Duration.ofMillis(5));
  }

  @WithSpan
  public Publisher<String> asPublisher() {
    return Mono.fromCallable(
        () -> {
          child("callable");
          return "published";
        });
  }

  @WithSpan
  public Mono<String> emptyQuote() {
    return Mono.empty();
  }

  /** An application's own Mono subclass: the wrapper would not fit a method declared to return it. */
  public static final class FixedQuote extends Mono<String> {
    @Override
    public void subscribe(CoreSubscriber<? super String> actual) {
      Mono.just("fixed").subscribe(actual);
    }
  }

  @WithSpan
  public FixedQuote fixed() {
    return new FixedQuote();
  }

  @WithSpan
  public String marker() {
    return "marker";
  }
}
