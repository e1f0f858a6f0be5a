package dev.vireo.instrumentation.api.semconv.rpc;

import dev.vireo.instrumentation.api.OperationListener;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.common.DeferredHistogram;
import dev.vireo.instrumentation.api.semconv.common.MetricAttributes;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.context.Context;

/**
 * {@code rpc.{client,server}.request.size} and {@code .response.size}: per call, the uncompressed size of its messages
 * in each direction, in bytes, as the OpenTelemetry agent records them (the SDK's default buckets, the duration's
 * attributes); a direction none of whose messages could be sized records nothing.
 */
final class RpcSizeMetrics implements OperationListener {

  private final DeferredHistogram requestSize;
  private final DeferredHistogram responseSize;
  /** False with the API's no-op meters (no metrics exporter): then there is nothing to do per call. */
  private final boolean recording;

  private RpcSizeMetrics(String side) {
    OpenTelemetry telemetry = VireoTelemetry.get();
    MeterProvider meterProvider = telemetry.getMeterProvider();
    this.recording = meterProvider != MeterProvider.noop();
    PendingDurations pending = recording ? PendingDurations.of(telemetry) : null;
    this.requestSize = histogram(pending, meterProvider, "rpc." + side + ".request.size",
        "Measures the size of RPC request messages (uncompressed).");
    this.responseSize = histogram(pending, meterProvider, "rpc." + side + ".response.size",
        "Measures the size of RPC response messages (uncompressed).");
  }

  static RpcSizeMetrics client() {
    return new RpcSizeMetrics("client");
  }

  static RpcSizeMetrics server() {
    return new RpcSizeMetrics("server");
  }

  private static DeferredHistogram histogram(
      PendingDurations pending, MeterProvider meterProvider, String name, String description) {
    return new DeferredHistogram(
        pending, () -> meterProvider.get("dev.vireo.rpc").histogramBuilder(name).setUnit("By")
            .setDescription(description).build());
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    if (!recording) {
      return context;
    }
    return context.with(RpcMessageSizes.KEY, new RpcMessageSizes(startAttributes));
  }

  @Override
  public void onEnd(Context context, Attributes endAttributes, long endNanos) {
    RpcMessageSizes sizes = context.get(RpcMessageSizes.KEY);
    if (sizes == null) {
      return;
    }
    long request = sizes.requestBytes();
    long response = sizes.responseBytes();
    if (request < 0 && response < 0) {
      return;
    }
    Attributes attributes = MetricAttributes.of(RpcDurationMetric.ATTRIBUTES, endAttributes, sizes.startAttributes);
    if (request >= 0) {
      requestSize.record(request, attributes, context);
    }
    if (response >= 0) {
      responseSize.record(response, attributes, context);
    }
  }
}
