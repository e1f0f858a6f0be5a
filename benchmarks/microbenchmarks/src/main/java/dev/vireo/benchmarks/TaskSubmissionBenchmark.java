/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Overhead of the executors instrumentation on task submission, per task. Compare three runs with
 * {@code -prof gc} (gc.alloc.rate.norm = bytes allocated per task, all threads):
 *
 * <ul>
 *   <li>no agent;
 *   <li>the agent jar: {@code -jvmArgsAppend -javaagent:agent/target/vireo-agent.jar -p withSpan=false}
 *       (the application's own OpenTelemetry API is not the agent's, so only the no-context path is
 *       measurable this way). Run it from a copy of benchmarks.jar without the agent's own classes
 *       ({@code zip -d copy.jar 'dev/vireo/instrumentation/executors/*' 'dev/vireo/tooling/*'
 *       'dev/vireo/bootstrap/*' 'META-INF/services/dev.vireo*'}): with them on the application class
 *       path the agent jar finds no instrumentation module;
 *   <li>the agent installed in-process by the same installer, so a span made current here is the
 *       agent's context: {@code -jvmArgsAppend "-Xbootclasspath/a:<agent-bootstrap.jar>
 *       -javaagent:<byte-buddy-agent.jar> -Dvireo.benchmark.agent=in-process"}, with
 *       {@code withSpan} true and false.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TaskSubmissionBenchmark {

  private static final int BATCH = 10_000;
  private static final Callable<Integer> CALLABLE = () -> 42;
  private static final Supplier<Integer> SUPPLIER = () -> 42;
  private static final Executor DIRECT = Runnable::run;

  /** Whether a span is current on the submitting (benchmark) thread. */
  @Param({"false", "true"})
  public boolean withSpan;

  private final AtomicLong done = new AtomicLong();
  private final Runnable counting = done::incrementAndGet;
  private ExecutorService pool;
  private Span span;
  private io.opentelemetry.context.Scope scope;

  @Setup(Level.Trial)
  public void setUp() {
    if ("in-process".equals(System.getProperty("vireo.benchmark.agent"))) {
      InProcessAgent.installOnce(InProcessAgent.NO_EXPORT);
    }
    pool = Executors.newSingleThreadExecutor();
    if (withSpan) {
      span = VireoTelemetry.get().getTracer("benchmark").spanBuilder("request").startSpan();
      scope = span.makeCurrent();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (scope != null) {
      scope.close();
      span.end();
    }
    pool.shutdownNow();
  }

  /** A FutureTask created and run on this thread: capture at creation, lookup at run. */
  @Benchmark
  public Integer futureTaskCreateAndRun() throws Exception {
    FutureTask<Integer> task = new FutureTask<>(CALLABLE);
    task.run();
    return task.get();
  }

  /** CompletableFuture async task (a ForkJoinTask) on a direct executor. */
  @Benchmark
  public Integer supplyAsyncDirect() {
    return CompletableFuture.supplyAsync(SUPPLIER, DIRECT).join();
  }

  /** A dependent stage added to an incomplete future, fired when it completes. */
  @Benchmark
  public Integer thenApplyFiredOnCompletion() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletableFuture<Integer> stage = source.thenApply(value -> value + 1);
    source.complete(41);
    return stage.join();
  }

  /** 10,000 plain Runnables through ThreadPoolExecutor.execute, then wait for all; per task. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long execute10k() {
    long target = done.get() + BATCH;
    for (int i = 0; i < BATCH; i++) {
      pool.execute(counting);
    }
    while (done.get() < target) {
      Thread.onSpinWait();
    }
    return target;
  }

  /** 10,000 Callables through ExecutorService.submit (FutureTasks), then wait for the last; per task. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Integer submit10k() throws Exception {
    java.util.concurrent.Future<Integer> last = null;
    for (int i = 0; i < BATCH; i++) {
      last = pool.submit(CALLABLE);
    }
    return last.get();
  }
}
