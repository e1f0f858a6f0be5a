/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.tooling.propagation.StrictTraceContextPropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * traceparent inject (every outgoing request) and extract (every incoming one) with Vireo's strict W3C propagator
 * and, for comparison, the OpenTelemetry API's {@link W3CTraceContextPropagator}. The carrier is a map, as the
 * header collections of HTTP libraries mostly are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TraceparentBenchmark {

  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;
  private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  @Param({"vireo-strict", "otel-w3c"})
  public String propagator;

  private TextMapPropagator implementation;
  private Context context;
  private Map<String, String> incoming;
  private final Map<String, String> outgoing = new HashMap<>();

  @Setup
  public void setUp() {
    implementation = propagator.equals("vireo-strict")
        ? StrictTraceContextPropagator.getInstance()
        : W3CTraceContextPropagator.getInstance();
    SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());
    context = Context.root().with(Span.wrap(span));
    incoming = new HashMap<>();
    incoming.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    incoming.put("host", "127.0.0.1:8080");
    incoming.put("accept", "*/*");
  }

  @Benchmark
  public Map<String, String> inject() {
    implementation.inject(context, outgoing, SETTER);
    return outgoing;
  }

  @Benchmark
  public Context extract() {
    return implementation.extract(Context.root(), incoming, GETTER);
  }
}
