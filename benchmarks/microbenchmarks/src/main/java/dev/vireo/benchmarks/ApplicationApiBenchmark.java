/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The application's own {@code Span.current()} through the agent's OpenTelemetry API bridge (the
 * application's API is in advised-benchmark.jar, the agent's is the agent jar's), with and without a
 * current span. Budget: 50 ns, nothing allocated without a span. Run with and without the agent:
 *
 * <pre>
 * java -jar benchmarks/microbenchmarks/target/advised-benchmark.jar ApplicationApi -prof gc \
 *     -jvmArgsAppend "-javaagent:agent/target/vireo-agent.jar -Dotel.traces.exporter=none -Dotel.metrics.exporter=none"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ApplicationApiBenchmark {

  /** Whether a span (the agent's, started through the bridge) is current on the benchmark thread. */
  @Param({"false", "true"})
  public boolean withSpan;

  private Span span;
  private io.opentelemetry.context.Scope scope;

  @Setup(Level.Trial)
  public void setUp() {
    if (withSpan) {
      span = GlobalOpenTelemetry.getTracer("benchmark").spanBuilder("request").startSpan();
      scope = span.makeCurrent();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (scope != null) {
      scope.close();
      span.end();
    }
  }

  @Benchmark
  public Span spanCurrent() {
    return Span.current();
  }

  /** What application code does with it: read the ids. */
  @Benchmark
  public String spanCurrentSpanId() {
    return Span.current().getSpanContext().getSpanId();
  }
}
