/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.grpc;

import com.google.protobuf.Int32Value;
import com.google.protobuf.StringValue;
import dev.vireo.benchmarks.IdleMetricReader;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.rpc.RpcMessageSizes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the gRPC size metrics cost per call: a client call's span through the grpc module's instrumenter (its duration
 * and size listeners included), without and with one protobuf message sized each way, inside a sampled request span;
 * beside it what the OpenTelemetry agent does for the same sizes (read from its 2.33.1 jar: {@code BodySizeUtil}
 * sizes a message by reflection on {@code MessageLite.getSerializedSize}, and the sizes go into two histograms).
 * Run: {@code java -jar benchmarks/microbenchmarks/target/vireo-microbenchmarks.jar GrpcMessageSizesBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class GrpcMessageSizesBenchmark {

  private static final MethodDescriptor.Marshaller<Object> UNUSED =
      new MethodDescriptor.Marshaller<Object>() {
        @Override
        public InputStream stream(Object value) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Object parse(InputStream stream) {
          throw new UnsupportedOperationException();
        }
      };

  private OpenTelemetrySdk sdk;
  private MethodDescriptor<Object, Object> method;
  private final StringValue request = StringValue.of("sku-12345");
  private final Int32Value response = Int32Value.of(9);
  private Method serializedSize;
  private LongHistogram requestSize;
  private LongHistogram responseSize;
  private Attributes attributes;
  private Span parent;
  private Scope inRequest;

  @Setup
  public void setUp() throws Exception {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(new IdleMetricReader()).build())
        .build();
    VireoTelemetry.install(() -> sdk); // before the instrumenters are made
    method = MethodDescriptor.<Object, Object>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("demo.Inventory/Measure")
        .setRequestMarshaller(UNUSED)
        .setResponseMarshaller(UNUSED)
        .build();
    serializedSize = Class.forName("com.google.protobuf.MessageLite").getMethod("getSerializedSize");
    Meter meter = sdk.getMeterProvider().get("agent.grpc");
    requestSize = meter.histogramBuilder("rpc.client.request.size").setUnit("By").ofLongs().build();
    responseSize = meter.histogramBuilder("rpc.client.response.size").setUnit("By").ofLongs().build();
    attributes = Attributes.builder()
        .put("rpc.system", "grpc").put("rpc.service", "demo.Inventory").put("rpc.method", "Measure")
        .put("rpc.grpc.status_code", 0L).put("server.address", "inventory").put("server.port", 50051L).build();
    parent = sdk.getTracer("test").spanBuilder("GET /orders/{id}").startSpan();
    inRequest = parent.makeCurrent();
  }

  @TearDown
  public void tearDown() {
    inRequest.close();
    parent.end();
    sdk.close();
  }

  @Benchmark
  public Context vireoCall() {
    GrpcRequest call = GrpcRequest.client(method, new Metadata(), "inventory:50051");
    Context context = GrpcInstrumenters.CLIENT.start(Context.current(), call);
    GrpcInstrumenters.CLIENT.end(context, call, Status.OK, null);
    return context;
  }

  @Benchmark
  public Context vireoCallWithMessagesSized() {
    GrpcRequest call = GrpcRequest.client(method, new Metadata(), "inventory:50051");
    Context context = GrpcInstrumenters.CLIENT.start(Context.current(), call);
    RpcMessageSizes sizes = RpcMessageSizes.of(context);
    sizes.request(ProtobufMessageSizes.of(request));
    sizes.response(ProtobufMessageSizes.of(response));
    GrpcInstrumenters.CLIENT.end(context, call, Status.OK, null);
    return context;
  }

  @Benchmark
  public void agentSizesAndRecords() throws Exception {
    Context context = Context.current();
    requestSize.record(((Integer) serializedSize.invoke(request)).longValue(), attributes, context);
    responseSize.record(((Integer) serializedSize.invoke(response)).longValue(), attributes, context);
  }
}
