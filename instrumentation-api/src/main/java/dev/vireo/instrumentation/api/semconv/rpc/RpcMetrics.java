package dev.vireo.instrumentation.api.semconv.rpc;

import dev.vireo.instrumentation.api.OperationListener;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.common.CommonAttributes;
import dev.vireo.instrumentation.api.semconv.common.DeferredHistogram;
import dev.vireo.instrumentation.api.semconv.common.MetricAttributes;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The RPC metrics of one side, as the OpenTelemetry Java agent records them, with the low-cardinality RPC attributes
 * only, worked out once per call for all three: {@code rpc.{client,server}.duration} in milliseconds, and {@code
 * .request.size} / {@code .response.size}, per call the uncompressed size of its messages each way in bytes (a
 * direction none of whose messages could be sized records nothing); the SDK's default buckets.
 */
final class RpcMetrics implements OperationListener {

  static final List<AttributeKey<?>> ATTRIBUTES =
      Collections.unmodifiableList(Arrays.<AttributeKey<?>>asList(
          RpcAttributes.RPC_SYSTEM,
          RpcAttributes.RPC_SERVICE,
          RpcAttributes.RPC_METHOD,
          RpcAttributes.RPC_GRPC_STATUS_CODE,
          CommonAttributes.NETWORK_TYPE,
          CommonAttributes.SERVER_ADDRESS,
          CommonAttributes.SERVER_PORT));

  private static final double NANOS_PER_MILLI = 1e6;

  private final DeferredHistogram duration;
  private final DeferredHistogram requestSize;
  private final DeferredHistogram responseSize;
  /** False with the API's no-op meters (no metrics exporter): then there is nothing to do per call. */
  private final boolean recording;

  private RpcMetrics(String side, String durationDescription) {
    OpenTelemetry telemetry = VireoTelemetry.get();
    MeterProvider meterProvider = telemetry.getMeterProvider();
    this.recording = meterProvider != MeterProvider.noop();
    PendingDurations pending = recording ? PendingDurations.of(telemetry) : null;
    this.duration = histogram(pending, meterProvider, "rpc." + side + ".duration", "ms", durationDescription);
    this.requestSize = histogram(pending, meterProvider, "rpc." + side + ".request.size", "By",
        "Measures the size of RPC request messages (uncompressed).");
    this.responseSize = histogram(pending, meterProvider, "rpc." + side + ".response.size", "By",
        "Measures the size of RPC response messages (uncompressed).");
  }

  static RpcMetrics client() {
    return new RpcMetrics("client", "The duration of an outbound RPC invocation.");
  }

  static RpcMetrics server() {
    return new RpcMetrics("server", "The duration of an inbound RPC invocation.");
  }

  private static DeferredHistogram histogram(
      PendingDurations pending, MeterProvider meterProvider, String name, String unit, String description) {
    return new DeferredHistogram(
        pending,
        () -> meterProvider.get("dev.vireo.rpc").histogramBuilder(name).setUnit(unit).setDescription(description)
            .build());
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    if (!recording) {
      return context;
    }
    return context.with(RpcMessageSizes.KEY, new RpcMessageSizes(startAttributes, startNanos));
  }

  @Override
  public void onEnd(Context context, Attributes endAttributes, long endNanos) {
    RpcMessageSizes call = context.get(RpcMessageSizes.KEY);
    if (call == null) {
      return;
    }
    Attributes attributes = MetricAttributes.of(ATTRIBUTES, endAttributes, call.startAttributes);
    duration.record((endNanos - call.startNanos) / NANOS_PER_MILLI, attributes, context);
    long request = call.requestBytes();
    if (request >= 0) {
      requestSize.record(request, attributes, context);
    }
    long response = call.responseBytes();
    if (response >= 0) {
      responseSize.record(response, attributes, context);
    }
  }
}
