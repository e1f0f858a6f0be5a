/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.Instrumenter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What advice pays per operation for a sampled span: start + end of a CLIENT span with three attributes through
 * {@link Instrumenter}, next to the same span made directly with the SDK's {@link Tracer} (the floor). The SDK has a
 * batch span processor and an exporter that drops everything, so export cost is excluded but queueing is not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SpanStartEndBenchmark {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  private OpenTelemetrySdk sdk;
  private Instrumenter<String, Integer> instrumenter;
  private Tracer tracer;
  private final String request = "http://127.0.0.1:8080/checkout?item=1";

  @Setup
  public void setUp() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
            .build())
        .build();
    instrumenter = Instrumenter.<String, Integer>builder("benchmark", url -> "GET")
        .setOpenTelemetry(sdk)
        .addAttributesExtractor(new AttributesExtractor<String, Integer>() {
          @Override
          public void onStart(AttributesBuilder attributes, Context parentContext, String url) {
            attributes.put(METHOD, "GET");
            attributes.put(URL, url);
          }

          @Override
          public void onEnd(AttributesBuilder attributes, Context context, String url, Integer status,
                            Throwable error) {
            if (status != null) {
              attributes.put(STATUS, (long) status);
            }
          }
        })
        .build(SpanKind.CLIENT);
    tracer = sdk.getTracer("benchmark");
  }

  @TearDown
  public void tearDown() {
    sdk.close();
  }

  @Benchmark
  public Context instrumenterStartEnd() {
    Context context = instrumenter.start(Context.root(), request);
    instrumenter.end(context, request, 200, null);
    return context;
  }

  @Benchmark
  public Object sdkTracerStartEnd() {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setParent(Context.root())
        .setAttribute(METHOD, "GET").setAttribute(URL, request).startSpan();
    span.setAttribute(STATUS, 200L);
    span.end();
    return span;
  }

  /** Accepts and forgets: the benchmark is about the caller's cost, not the network. */
  static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
