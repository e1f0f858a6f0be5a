package dev.vireo.instrumentation.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Many traced chains that hop between schedulers and a context-less emitter thread; afterwards no
 * Reactor thread has a context current. Every scheduled task is checked to leave the context it found
 * (a scheduler hook counts the checks, so the test knows they ran), and then every parallel thread and
 * every thread the chains used is probed from outside any trace.
 */
@ExtendWith(AgentTestingExtension.class)
class ReactorContextLeakTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("reactor-leak-test");
  private static final String HOOK = "vireo-leak-check";

  @AfterEach
  void removeHook() {
    Schedulers.resetOnScheduleHook(HOOK);
  }

  @Test
  void noContextRemainsOnReactorThreads() {
    AtomicInteger checkedTasks = new AtomicInteger();
    AtomicInteger leakingTasks = new AtomicInteger();
    Schedulers.onScheduleHook(HOOK, task -> () -> {
      Context before = Context.current();
      try {
        task.run();
      } finally {
        checkedTasks.incrementAndGet();
        if (Context.current() != before) {
          leakingTasks.incrementAndGet();
        }
      }
    });
    Set<String> usedThreads = ConcurrentHashMap.newKeySet();
    AtomicInteger tracedCallbacks = new AtomicInteger();
    int chains = 10_000;
    Flux.range(0, chains)
        .flatMap(i -> traced(i, usedThreads, tracedCallbacks), 64)
        .blockLast(Duration.ofSeconds(120));
    assertThat(tracedCallbacks).hasValue(chains * 3);
    assertThat(checkedTasks.get()).isGreaterThan(chains);
    assertThat(leakingTasks).hasValue(0);

    // the probes themselves run outside any trace, so they are not wrapped: they see what the thread has
    int parallelThreads = Schedulers.DEFAULT_POOL_SIZE;
    List<String> probed = Flux.range(0, parallelThreads * 4)
        .parallel(parallelThreads)
        .runOn(Schedulers.parallel())
        .map(i -> probe())
        .sequential()
        .collectList()
        .block(Duration.ofSeconds(10));
    List<String> elastic = Flux.range(0, 64)
        .flatMap(i -> Mono.fromCallable(ReactorContextLeakTest::probe).subscribeOn(Schedulers.boundedElastic()))
        .collectList()
        .block(Duration.ofSeconds(10));
    assertThat(probed).noneMatch(p -> p.startsWith("LEAK"));
    assertThat(elastic).noneMatch(p -> p.startsWith("LEAK"));
    Set<String> parallelUsed = usedThreads.stream().filter(t -> t.startsWith("parallel-")).collect(Collectors.toSet());
    assertThat(probed).containsAll(parallelUsed);
    assertThat(elastic).isNotEmpty();
  }

  /** One "request": a span current at subscription, a foreign emitter, publishOn, subscribeOn, a timer. */
  private static Mono<Integer> traced(int i, Set<String> usedThreads, AtomicInteger tracedCallbacks) {
    Span span = TRACER.spanBuilder("request").setNoParent().startSpan();
    String traceId = span.getSpanContext().getTraceId();
    Sinks.One<Integer> sink = Sinks.one();
    Mono<Integer> chain;
    try (Scope ignored = span.makeCurrent()) {
      chain = sink.asMono()
          .publishOn(Schedulers.parallel())
          .map(v -> record(traceId, usedThreads, tracedCallbacks, v))
          .flatMap(v -> Mono.fromCallable(() -> record(traceId, usedThreads, tracedCallbacks, v))
              .subscribeOn(Schedulers.boundedElastic()))
          .delayElement(Duration.ofMillis(i % 3))
          .map(v -> record(traceId, usedThreads, tracedCallbacks, v))
          .doFinally(s -> span.end())
          .cache();
      chain.subscribe();
    }
    // emitted from a thread with no context, like an event loop; sometimes before, sometimes after subscription
    Schedulers.single().schedule(() -> sink.tryEmitValue(i));
    return chain;
  }

  private static int record(String traceId, Set<String> usedThreads, AtomicInteger tracedCallbacks, int v) {
    if (Span.current().getSpanContext().getTraceId().equals(traceId)) {
      tracedCallbacks.incrementAndGet();
    }
    usedThreads.add(Thread.currentThread().getName());
    return v;
  }

  private static String probe() {
    String thread = Thread.currentThread().getName();
    return Context.current() == Context.root() ? thread : "LEAK " + thread;
  }
}
