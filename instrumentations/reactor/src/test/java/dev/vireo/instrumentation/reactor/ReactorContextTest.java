package dev.vireo.instrumentation.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.vireo.testapp.reactor.ThirdPartyMono;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The span current when a chain is subscribed is the parent of spans made in its operators, whichever
 * thread the signal arrives on. Several cases have the signal come from a thread that has no context
 * at all (a plain thread, Reactor's timers), so only the Reactor hook can make them pass.
 */
@ExtendWith(AgentTestingExtension.class)
class ReactorContextTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("reactor-test");

  /** Subscribes (blocks on) the chain with a span "parent" current; returns the chain's result. */
  private static <T> T underParent(Supplier<Mono<T>> chain) {
    Span parent = TRACER.spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      return chain.get().block(Duration.ofSeconds(10));
    } finally {
      parent.end();
    }
  }

  /** A span made in an operator callback; returns the name of the thread it ran on. */
  private static String child(String name) {
    TRACER.spanBuilder(name).startSpan().end();
    return Thread.currentThread().getName();
  }

  /** Waits for "parent" and the named children; asserts one trace with each child under "parent". */
  private static void assertChildrenOfParent(String... children) {
    List<SpanData> spans = AgentTesting.waitForSpans(children.length + 1).trace(0).spans();
    assertThat(spans).hasSize(children.length + 1);
    SpanData parent = spans.stream().filter(s -> s.getName().equals("parent")).findFirst().orElseThrow();
    List<SpanData> others = spans.stream().filter(s -> s != parent).collect(Collectors.toList());
    assertThat(others).extracting(SpanData::getName).containsExactlyInAnyOrder(children);
    for (SpanData child : others) {
      assertThat(child.getParentSpanId()).as(child.getName()).isEqualTo(parent.getSpanId());
      assertThat(child.getTraceId()).as(child.getName()).isEqualTo(parent.getTraceId());
    }
  }

  /**
   * Starts, outside any trace, a thread "emitter" that runs {@code emit} once {@code ready} holds (the
   * chain has subscribed to the source): the signal surely arrives after subscription, on a thread that
   * never had the context.
   */
  private static void emitWhenReady(BooleanSupplier ready, Runnable emit) {
    assertThat(Context.current()).isSameAs(Context.root());
    new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!ready.getAsBoolean() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      emit.run();
    }, "emitter").start();
  }

  private static boolean waiting(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  /** A source completed from outside, like a Netty channel completing a response. */
  private static final class External {
    final AtomicReference<MonoSink<String>> sink = new AtomicReference<>();
    final Mono<String> mono = Mono.create(sink::set);

    void emitWhenSubscribed(String value) {
      emitWhenReady(() -> sink.get() != null, () -> sink.get().success(value));
    }
  }

  @Test
  void valueEmittedOnAThreadWithoutContext() {
    External source = new External();
    source.emitWhenSubscribed("v");
    String thread = underParent(() -> source.mono.map(v -> child("map")).doOnNext(t -> child("doOnNext")));
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("map", "doOnNext");
  }

  @Test
  void publishOnAfterAThreadWithoutContext() {
    External source = new External();
    source.emitWhenSubscribed("v");
    String thread = underParent(() -> source.mono.publishOn(Schedulers.parallel()).map(v -> child("after-publishOn")));
    assertThat(thread).startsWith("parallel-");
    assertChildrenOfParent("after-publishOn");
  }

  @Test
  void subscribeOnBoundedElasticWithFromCallable() {
    String thread = underParent(() -> Mono.fromCallable(() -> child("callable"))
        .subscribeOn(Schedulers.boundedElastic())
        .map(t -> child("map") + "|" + t));
    assertThat(thread).contains("boundedElastic-");
    assertChildrenOfParent("callable", "map");
  }

  @Test
  void flatMapIntoTimedPublishers() {
    // Mono.delay emits on Reactor's timer threads: the inner chains are subscribed inside flatMap's onNext
    List<String> threads = underParent(() -> Flux.range(1, 3)
        .flatMap(i -> Mono.delay(Duration.ofMillis(5 * i)).map(x -> child("inner-" + i)))
        .map(t -> child("outer") + "|" + t)
        .collectList());
    assertThat(threads).hasSize(3).allSatisfy(t -> assertThat(t).contains("parallel-"));
    assertChildrenOfParent("inner-1", "inner-2", "inner-3", "outer", "outer", "outer");
  }

  @Test
  void timeoutFallback() {
    String thread = underParent(() -> Mono.<String>never()
        .timeout(Duration.ofMillis(20))
        .onErrorResume(e -> Mono.fromCallable(() -> child("fallback"))));
    assertThat(thread).startsWith("parallel-");
    assertChildrenOfParent("fallback");
  }

  @Test
  void retryWhenResubscribesOnTheTimer() {
    AtomicInteger attempts = new AtomicInteger();
    String thread = underParent(() -> Mono.fromCallable(() -> {
          String t = child("attempt");
          if (attempts.incrementAndGet() < 3) {
            throw new IllegalStateException("try again");
          }
          return t;
        })
        .retryWhen(Retry.fixedDelay(3, Duration.ofMillis(5))));
    assertThat(attempts).hasValue(3);
    assertThat(thread).startsWith("parallel-");
    assertChildrenOfParent("attempt", "attempt", "attempt");
  }

  @Test
  void fromFutureCompletedElsewhere() {
    CompletableFuture<String> future = new CompletableFuture<>();
    emitWhenReady(() -> future.getNumberOfDependents() > 0, () -> future.complete("v"));
    String thread = underParent(() -> Mono.fromFuture(future).map(v -> child("after-future")));
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("after-future");
  }

  @Test
  void fromFutureSupplierBody() {
    String thread = underParent(() -> Mono.fromFuture(
            () -> CompletableFuture.supplyAsync(() -> child("future-body")))
        .map(t -> child("map") + "|" + t));
    assertThat(thread).isNotEmpty();
    assertChildrenOfParent("future-body", "map");
  }

  @Test
  void errorAndCompletionCallbacks() {
    External source = new External();
    source.emitWhenSubscribed("v");
    underParent(() -> source.mono
        .then(Mono.<String>error(new IllegalStateException("boom")))
        .doOnError(e -> child("doOnError"))
        .onErrorResume(e -> Mono.just("recovered"))
        .doOnSuccess(v -> child("doOnSuccess")));
    assertChildrenOfParent("doOnError", "doOnSuccess");
  }

  @Test
  void firstOperatorAfterASinksOneRunsInTheSubscriptionContext() {
    Sinks.One<String> sink = Sinks.one();
    emitWhenReady(() -> sink.currentSubscriberCount() > 0, () -> sink.tryEmitValue("v"));
    // map is the first operator after the sink: its callback runs on the emitter's thread
    String thread = underParent(() -> sink.asMono().map(v -> child("map")));
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("map");
  }

  @Test
  void firstOperatorAfterASinksEmptyRunsInTheSubscriptionContext() {
    Sinks.Empty<String> sink = Sinks.empty();
    emitWhenReady(() -> sink.currentSubscriberCount() > 0, sink::tryEmitEmpty);
    underParent(() -> sink.asMono().doOnSuccess(v -> child("doOnSuccess")));
    assertChildrenOfParent("doOnSuccess");
  }

  static Stream<Arguments> manySinks() {
    return Stream.of(
        Arguments.of("multicast", (Supplier<Sinks.Many<String>>) () -> Sinks.many().multicast().onBackpressureBuffer()),
        Arguments.of("direct", (Supplier<Sinks.Many<String>>) () -> Sinks.many().multicast().directBestEffort()),
        Arguments.of("unicast", (Supplier<Sinks.Many<String>>) () -> Sinks.many().unicast().onBackpressureBuffer()),
        Arguments.of("replay", (Supplier<Sinks.Many<String>>) () -> Sinks.many().replay().all()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manySinks")
  void firstOperatorAfterASinksManyRunsInTheSubscriptionContext(String kind, Supplier<Sinks.Many<String>> sinks) {
    Sinks.Many<String> sink = sinks.get();
    // Subscribed is not enough: a buffering sink given values before the request drains them on the requesting
    // thread. Once the test thread waits in block(), its request has been made.
    Thread subscriber = Thread.currentThread();
    emitWhenReady(() -> sink.currentSubscriberCount() > 0 && waiting(subscriber), () -> {
      sink.tryEmitNext("a");
      sink.tryEmitNext("b");
    });
    String thread = underParent(() -> sink.asFlux().map(v -> child("map " + v)).take(2).last());
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("map a", "map b");
  }

  @Test
  void eachSubscriptionKeepsItsOwnContext() {
    // one chain object, subscribed under two different parents: each run sees the parent of its subscription
    Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();
    Mono<String> shared = sink.asFlux().next().map(v -> Span.current().getSpanContext().getTraceId());
    Span first = TRACER.spanBuilder("first").startSpan();
    Span second = TRACER.spanBuilder("second").startSpan();
    CompletableFuture<String> seenByFirst;
    CompletableFuture<String> seenBySecond;
    try (Scope ignored = first.makeCurrent()) {
      seenByFirst = shared.toFuture();
    }
    try (Scope ignored = second.makeCurrent()) {
      seenBySecond = shared.toFuture();
    }
    sink.tryEmitNext("v");
    first.end();
    second.end();
    assertThat(seenByFirst.join()).isEqualTo(first.getSpanContext().getTraceId());
    assertThat(seenBySecond.join()).isEqualTo(second.getSpanContext().getTraceId());
    assertThat(first.getSpanContext().getTraceId()).isNotEqualTo(second.getSpanContext().getTraceId());
  }

  /** A library's own {@code Flux} (reactor-netty's inbound is one): built without Reactor's hooks ever seeing it. */
  private static final class LibraryFlux extends Flux<String> {
    final AtomicReference<CoreSubscriber<? super String>> subscriber = new AtomicReference<>();

    @Override
    public void subscribe(CoreSubscriber<? super String> actual) {
      actual.onSubscribe(Operators.emptySubscription());
      subscriber.set(actual);
    }

    void emitWhenSubscribed(String value) {
      emitWhenReady(() -> subscriber.get() != null, () -> {
        subscriber.get().onNext(value);
        subscriber.get().onComplete();
      });
    }
  }

  @Test
  void passThroughOperatorsAfterALibrarysOwnFlux() {
    // the first map runs on the emitter's thread in its context (the known gap); the hook lifts that map because
    // its input is no operator it saw, so everything after it has the subscription's context
    LibraryFlux source = new LibraryFlux();
    source.emitWhenSubscribed("v");
    String thread = underParent(() -> source.map(v -> v)
        .map(v -> child("map"))
        .doOnNext(v -> child("doOnNext"))
        .next());
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("map", "doOnNext");
  }

  @Test
  void passThroughOperatorsAfterFlatMapIntoALibrarysPublisher() {
    // a plain Publisher, subscribed by flatMap directly: its value comes on the emitter's thread
    AtomicReference<Subscriber<? super String>> inner = new AtomicReference<>();
    Publisher<String> library = subscriber -> {
      subscriber.onSubscribe(Operators.emptySubscription());
      inner.set(subscriber);
    };
    emitWhenReady(() -> inner.get() != null, () -> {
      inner.get().onNext("v");
      inner.get().onComplete();
    });
    String thread = underParent(() -> Mono.just("k")
        .flatMap(k -> Mono.from(library))
        .map(v -> child("map"))
        .filter(t -> !child("filter").isEmpty()));
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("map", "filter");
  }

  @Test
  void monoOperatorsIntoALibrarysOwnMonoCompletedElsewhere() {
    // the library's Mono is subscribed by flatMap, defer and then, none of them lifted; its subscriber is wrapped
    ThirdPartyMono viaFlatMap = new ThirdPartyMono();
    ThirdPartyMono viaDefer = new ThirdPartyMono();
    ThirdPartyMono viaThen = new ThirdPartyMono();
    emitWhenReady(viaFlatMap::subscribed, () -> viaFlatMap.complete("a"));
    emitWhenReady(viaDefer::subscribed, () -> viaDefer.complete("b"));
    emitWhenReady(viaThen::subscribed, () -> viaThen.complete("c"));
    String thread = underParent(() -> Mono.just("k")
        .flatMap(k -> viaFlatMap)
        .map(v -> child("after-flatMap"))
        .flatMap(v -> Mono.defer(() -> viaDefer))
        .doOnNext(v -> child("after-defer"))
        .then(viaThen)
        .map(v -> child("after-then")));
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("after-flatMap", "after-defer", "after-then");
  }

  @Test
  void passThroughOperatorsAfterALibrarysOwnMonoCompletedElsewhere() {
    ThirdPartyMono source = new ThirdPartyMono();
    emitWhenReady(source::subscribed, () -> source.complete("v"));
    String thread = underParent(() -> source.map(v -> child("map")).doOnNext(v -> child("doOnNext")));
    assertThat(thread).isEqualTo("emitter");
    assertChildrenOfParent("map", "doOnNext");
  }

  private static boolean lifted(Publisher<?> publisher) {
    return ContextLifter.KEY.equals(Scannable.from(publisher).scanUnsafe(Scannable.Attr.LIFTER));
  }

  @Test
  void liftsOnlyWhereASignalCanStartOnAnotherThread() {
    // a lifted Mono.just or fromCallable would also lose flatMap's short cut for values known at subscription
    assertThat(lifted(Mono.just(1))).as("just").isFalse();
    assertThat(lifted(Mono.fromCallable(() -> 1))).as("fromCallable").isFalse();
    assertThat(lifted(Mono.just(1).map(v -> v).filter(v -> true).doOnNext(v -> { }))).as("map after just").isFalse();
    // Mono.flatMap's inner Monos carry the context themselves: Reactor's are lifted, a library's wrapped when subscribed
    assertThat(lifted(Mono.just(1).flatMap(Mono::just))).as("Mono.flatMap").isFalse();
    assertThat(lifted(Mono.just(1).flatMap(Mono::just).map(v -> v))).as("map after Mono.flatMap").isFalse();
    assertThat(lifted(Mono.just(1).then(Mono.just(2)))).as("then").isFalse();
    // a library's own Mono gets its subscriber wrapped when subscribed; the agent's own test class here gets nothing
    assertThat(lifted(new ThirdPartyMono().flatMap(Mono::just))).as("Mono.flatMap after a library's Mono").isFalse();
    assertThat(lifted(new ThirdPartyMono().map(v -> v))).as("map after a library's Mono").isFalse();
    // its inner publishers may be any Publisher
    assertThat(lifted(Mono.just(1).flatMapMany(Flux::just))).as("flatMapMany").isTrue();
    assertThat(lifted(Flux.just(1).flatMap(Flux::just))).as("Flux.flatMap").isTrue();
    assertThat(lifted(Mono.delay(Duration.ofDays(1)))).as("delay").isTrue();
    assertThat(lifted(Flux.range(1, 3))).as("range").isTrue();
    assertThat(lifted(Flux.range(1, 3).publishOn(Schedulers.parallel()))).as("publishOn").isTrue();
    assertThat(lifted(new LibraryFlux().map(v -> v))).as("map after a library's Flux").isTrue();
    assertThat(lifted(new LibraryFlux().map(v -> v).map(v -> v))).as("the map after that").isFalse();
  }

  @Test
  void noContextWithoutASpanAtSubscription() {
    boolean[] hadContext = new boolean[1];
    Mono.just("v")
        .publishOn(Schedulers.parallel())
        .map(v -> hadContext[0] = Context.current() != Context.root())
        .block(Duration.ofSeconds(10));
    assertThat(hadContext[0]).isFalse();
  }
}
