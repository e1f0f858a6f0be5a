/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the reactor module's context propagation costs a Reactor chain that is assembled and subscribed per request,
 * as a WebFlux handler's chains are: per chain, assembly, subscription and every signal. Run without an agent, and with
 * the agent installed in-process ({@code -jvmArgsAppend "-Xbootclasspath/a:<agent-bootstrap.jar>
 * -javaagent:<byte-buddy-agent.jar> -Dvireo.benchmark.agent=in-process"}), with {@code -prof gc}; {@code
 * withContext} says whether a context is current when the chain is subscribed (only then is anything wrapped).
 * Run it with {@code -t 2} as well: two threads assembling the same operator classes, as two event loops do, show
 * costs one thread does not (a cast to an interface on each assembly, see {@code ContextLifter.install}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class ReactorChainBenchmark {

  private static final ContextKey<String> REQUEST = ContextKey.named("benchmark-request");

  @Param({"false", "true"})
  public boolean withContext;

  private final LastValue sink = new LastValue();
  private Scope scope;
  private int item;

  @Setup(Level.Trial)
  public void setUp() {
    if ("in-process".equals(System.getProperty("vireo.benchmark.agent"))) {
      InProcessAgent.installOnce(InProcessAgent.NO_EXPORT);
      Mono.just(0).subscribe(); // Reactor's Hooks initialize after the install: the module's hook is in place
    }
    if (withContext) {
      scope = Context.root().with(REQUEST, "GET /proxy").makeCurrent();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (scope != null) {
      scope.close();
    }
  }

  /** Six operators on a Mono, one of them a flatMap into a second source. */
  @Benchmark
  public Object monoChain() {
    Mono.just(item++)
        .map(x -> x + 1)
        .flatMap(x -> Mono.fromCallable(() -> x * 2))
        .filter(x -> x > 0)
        .map(x -> x - 1)
        .defaultIfEmpty(-1)
        .subscribe(sink);
    return sink.value;
  }

  /** Eight values through five operators, each value into an inner Mono. */
  @Benchmark
  public Object fluxChain() {
    Flux.range(item++ & 7, 8)
        .map(x -> x + 1)
        .filter(x -> (x & 1) == 0)
        .concatMap(Mono::just)
        .reduce(0, Integer::sum)
        .subscribe(sink);
    return sink.value;
  }

  /** Takes everything, keeps the last value. */
  static final class LastValue implements CoreSubscriber<Object> {
    volatile Object value;

    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object next) {
      value = next;
    }

    @Override
    public void onError(Throwable error) {
      value = error;
    }

    @Override
    public void onComplete() {}
  }
}
