/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code @WithSpan} method (with one {@code @SpanAttribute}) against the same method unannotated: the agent's
 * cost per call (span start and end included; budget 1 µs). Run from advised-benchmark.jar with the agent:
 *
 * <pre>
 * java -jar benchmarks/microbenchmarks/target/advised-benchmark.jar WithSpan -prof gc \
 *     -jvmArgsAppend "-javaagent:agent/target/vireo-agent.jar -Dotel.traces.exporter=none -Dotel.metrics.exporter=none"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WithSpanBenchmark {

  private int order = 42;

  @Benchmark
  public int annotated() {
    return Orders.traced(order);
  }

  @Benchmark
  public int plain() {
    return Orders.untraced(order);
  }

  /** The application's methods. */
  public static final class Orders {

    private Orders() {}

    @WithSpan
    public static int traced(@SpanAttribute("order.id") int id) {
      return id + 1;
    }

    public static int untraced(int id) {
      return id + 1;
    }
  }
}
