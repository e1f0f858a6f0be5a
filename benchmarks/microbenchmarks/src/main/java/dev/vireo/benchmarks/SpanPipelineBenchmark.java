/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.tooling.config.ConfigValidation;
import dev.vireo.tooling.sdk.AgentSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
 * Issue 24's span pipeline: one span started, given 6 attributes, ended, and exported through the OTLP
 * http/protobuf exporter's marshalling to a null sink; per span. Run with {@code -prof gc -prof
 * dev.vireo.benchmarks.CpuTimeProfiler} (see benchmarks/README.md); target ≤ 2 µs of CPU and ≤ 500 B allocated.
 *
 * <p><b>Pipelines</b> ({@code pipeline}):
 *
 * <ul>
 *   <li>{@code vireo}: the SDK exactly as the agent builds it, by the agent's own code ({@link AgentSdk} from a
 *       validated {@link AgentConfig}): its defaults, the OTLP exporter wrapped by the export-health tracker, the
 *       batch processor with the SDK's own processor metrics recorded (the span-queue reader makes the meter
 *       provider real), Vireo's resource. Configured as the overhead benchmark runs the agent: metrics and logs
 *       exporters {@code none}, everything else default;
 *   <li>{@code sdk}: the OpenTelemetry SDK's default pipeline, {@code BatchSpanProcessor} and {@code
 *       OtlpHttpSpanExporter} with their builders' defaults, the default resource.
 * </ul>
 *
 * <p><b>Memory mode</b> ({@code memoryMode}): {@code default} leaves {@code otel.java.exporter.memory_mode}
 * (for {@code sdk}: the builder's {@code setMemoryMode}) unset; the other two set it.
 *
 * <p><b>The null sink</b>: the exporter is the SDK's real {@code OtlpHttpSpanExporter}; only its transport, the
 * SDK's {@code HttpSenderProvider} plug-in point, is replaced by {@link NullHttpSenderProvider}, which has the
 * exporter write its request body into a counting, discarding stream and answers 200. So the measured work is the
 * batch processor's queueing and batching, the conversion of each span into the OTLP marshaler and the protobuf
 * bytes themselves (in the memory mode under test), and excludes OkHttp, the socket and the collector. Marshaling the
 * SDK's classes by hand was rejected: it would skip the exporter's own marshaler pooling, which is what the memory
 * mode changes.
 *
 * <p><b>Why one operation is a batch of 512 spans and a flush</b>: the batch processor exports on its own thread,
 * which JMH's time modes do not see; a benchmark of one span per operation would measure only the application
 * thread (and, when the exporter falls behind, spans dropped at the full queue would look free). Here each
 * operation makes 512 spans (the default export batch size) and then waits for {@code forceFlush}: the export thread
 * marshals them while the benchmark thread waits, so nothing is dropped, the work of both threads is done inside the
 * operation, and the score is divided by 512 ({@link OperationsPerInvocation}). The time score is then wall time,
 * which on a quiet machine is the CPU of the two threads plus two thread hand-offs per 512 spans; {@link
 * CpuTimeProfiler} reports the CPU itself ({@code cpu.java.norm}: all Java threads; {@code cpu.process.norm}: with
 * JIT and GC). {@code gc.alloc.rate.norm} from {@code -prof gc} counts the allocation of every thread, the export
 * thread's included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class SpanPipelineBenchmark {

  /** The batch processor's default export batch size. */
  static final int SPANS = 512;

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  @Param({"vireo", "sdk"})
  public String pipeline;

  @Param({"default", "reusable_data", "immutable_data"})
  public String memoryMode;

  private Tracer tracer;
  private volatile SpanProcessor processor;
  private AgentSdk agentSdk;
  private SdkTracerProvider sdkTracerProvider;
  private long bytesBefore;
  private long requestsBefore;
  private long spansThisIteration;
  private CompletableResultCode lastFlush;
  private final DropWatch drops = new DropWatch();

  @Setup(Level.Trial)
  public void setUp() {
    // the SDK's switch between HTTP senders: the null sink rather than OkHttp
    System.setProperty(NullHttpSenderProvider.SELECTOR, NullHttpSenderProvider.class.getName());
    Logger.getLogger(BatchSpanProcessor.class.getName()).addHandler(drops);
    if (pipeline.equals("vireo")) {
      String args = "otel.service.name=span-pipeline-benchmark;otel.metrics.exporter=none;otel.logs.exporter=none"
          + (memoryMode.equals("default") ? "" : ";otel.java.exporter.memory_mode=" + memoryMode);
      AgentConfig config = ConfigValidation.validate(AgentConfig.load(args));
      agentSdk = new AgentSdk(config, SpanPipelineBenchmark.class.getClassLoader(),
          // only looks: the processor the agent's configuration built, to flush it
          builder -> builder.addSpanProcessorCustomizer((built, properties) -> {
            processor = built;
            return built;
          }));
      tracer = agentSdk.get().getTracer("span-pipeline-benchmark");
    } else if (pipeline.equals("sdk")) {
      OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder();
      if (!memoryMode.equals("default")) {
        exporter.setMemoryMode(MemoryMode.valueOf(memoryMode.toUpperCase(Locale.ROOT)));
      }
      processor = BatchSpanProcessor.builder(exporter.build()).build();
      sdkTracerProvider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
      tracer = sdkTracerProvider.get("span-pipeline-benchmark");
    } else {
      throw new IllegalArgumentException("pipeline: vireo or sdk, not " + pipeline);
    }
    if (processor == null) {
      throw new IllegalStateException("no span processor was built: " + pipeline);
    }
  }

  @Setup(Level.Iteration)
  public void countFrom() {
    bytesBefore = NullHttpSenderProvider.bytes();
    requestsBefore = NullHttpSenderProvider.requests();
    spansThisIteration = 0;
  }

  /** What reached the sink: proof that the spans were marshalled, and the wire size per span. */
  @TearDown(Level.Iteration)
  public void reportSink() {
    long bytes = NullHttpSenderProvider.bytes() - bytesBefore;
    long requests = NullHttpSenderProvider.requests() - requestsBefore;
    if (spansThisIteration > 0 && bytes == 0) {
      throw new IllegalStateException("spans were made but nothing reached the OTLP sink");
    }
    if (drops.seen()) {
      throw new IllegalStateException("the batch processor dropped spans: the figures would leave out their export");
    }
    System.out.printf(
        "(sink: %d requests, %.1f B per span on the wire)%n",
        requests, spansThisIteration == 0 ? 0.0 : (double) bytes / spansThisIteration);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (agentSdk != null) {
      agentSdk.shutdown();
    }
    if (sdkTracerProvider != null) {
      sdkTracerProvider.close();
    }
  }

  /** The batch processor's only report of a full queue is its WARNING log line. */
  static final class DropWatch extends Handler {
    private volatile boolean seen;

    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (message != null && message.contains("dropped")) {
        seen = true;
      }
    }

    boolean seen() {
      return seen;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public void spanExported() {
    for (int i = 0; i < SPANS; i++) {
      Span span = tracer.spanBuilder("GET /orders/{id}")
          .setSpanKind(SpanKind.SERVER)
          .setNoParent()
          .setAttribute(METHOD, "GET")
          .setAttribute(SCHEME, "http")
          .setAttribute(PATH, "/orders/42")
          .setAttribute(ROUTE, "/orders/{id}")
          .setAttribute(ADDRESS, "shop.example.com")
          .startSpan();
      span.setAttribute(STATUS, 200L);
      span.end();
    }
    // The SDK's worker completes a flush before it clears the request: a forceFlush right after the last one
    // can be handed that finished result again, and then nothing waits for these spans (they pile up and are
    // dropped at the full queue). Ask until the request is a new one.
    CompletableResultCode flush;
    while ((flush = processor.forceFlush()) == lastFlush) {
      Thread.yield();
    }
    lastFlush = flush;
    if (!flush.join(10, TimeUnit.SECONDS).isSuccess()) {
      throw new IllegalStateException("the batch was not exported within 10 s");
    }
    spansThisIteration += SPANS;
  }
}
