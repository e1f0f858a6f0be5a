/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.io.OutputStream;
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
import org.slf4j.LoggerFactory;

/**
 * One Logback call ({@code %X{trace_id}} pattern, output discarded) inside a span, per call. Compare:
 *
 * <ul>
 *   <li>no agent (the span is the API's no-op one);
 *   <li>Vireo installed in-process ({@code -jvmArgsAppend "-Xbootclasspath/a:<agent-bootstrap.jar>
 *       -javaagent:<byte-buddy-agent.jar> -Dvireo.benchmark.agent=in-process"}): MDC ids and a log record per
 *       call, exported over OTLP to {@code vireo.benchmark.logs.endpoint} (default a closed port: the collector
 *       is down, records are dropped at the full queue);
 *   <li>the OpenTelemetry Java agent ({@code -jvmArgsAppend -javaagent:opentelemetry-javaagent.jar}), whose
 *       bridge makes the {@link GlobalOpenTelemetry} span real.
 * </ul>
 *
 * <p>{@code benchmarks/logcall.sh} runs all five (no agent; Vireo and the OpenTelemetry agent with the collector
 * down and up, "up" being {@code benchmarks/microbenchmarks/otlp_sink.py} answering 200) one after the other with
 * {@code -prof dev.vireo.benchmarks.CpuTimeProfiler -prof gc}. Read {@code cpu.caller.norm} beside ns/op: the CPU
 * the calling thread spends per call. The ns/op is the caller's wall clock, which also counts the time the export
 * thread, the JIT and GC take the CPU away from it (2 cores); the caller's CPU is what the log call costs the
 * application's thread. Three forks of ten 1 s iterations after ten warm-up ones, so the mean is stable.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
@State(Scope.Thread)
public class LogCallBenchmark {

  private Logger logger;
  private Span span;
  private io.opentelemetry.context.Scope scope;

  @Param({"true"})
  public boolean withSpan;

  @Setup(Level.Trial)
  public void setUp() {
    Tracer tracer;
    if ("in-process".equals(System.getProperty("vireo.benchmark.agent"))) {
      // traces exported too: with otel.traces.exporter=none Vireo makes no real span, so no ids
      InProcessAgent.installOnce("otel.metrics.exporter=none;otel.logs.exporter=otlp;otel.exporter.otlp.endpoint="
          + System.getProperty("vireo.benchmark.logs.endpoint", "http://127.0.0.1:9"));
      tracer = VireoTelemetry.get().getTracer("benchmark");
    } else {
      tracer = GlobalOpenTelemetry.getTracer("benchmark");
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d %-5level [%thread] %logger trace_id=%X{trace_id} span_id=%X{span_id} %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    logger = context.getLogger("benchmark.orders");
    logger.setAdditive(false);
    logger.addAppender(appender);
    if (withSpan) {
      span = tracer.spanBuilder("request").startSpan();
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
  public void logInfo() {
    logger.info("order {} placed", 42);
  }
}
