package dev.vireo.instrumentation.api.semconv.common;

import dev.vireo.instrumentation.api.OperationListener;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.List;

/**
 * An operation-duration histogram in seconds ({@code http.client.request.duration}, {@code
 * db.client.operation.duration}, ...): records the time between the span's start and end with only
 * the attributes its convention allows on the metric (never query texts, URLs or ids), taken from
 * the span's end attributes first, then its start attributes.
 */
public class DurationMetric implements OperationListener {

  private static final double NANOS_PER_SECOND = 1e9;

  private final ContextKey<Start> startKey;
  private final DeferredHistogram histogram;
  private final List<AttributeKey<?>> allowed;
  /** False with the API's no-op meters (no metrics exporter): then there is nothing to do per operation. */
  private final boolean recording;

  /**
   * @param meterName instrumentation scope of the meter, e.g. {@code dev.vireo.db}
   * @param allowed the attribute keys the metric carries
   * @param buckets explicit bucket boundaries advised by the convention, or null for the SDK's default
   */
  protected DurationMetric(
      String meterName, String name, String description, List<AttributeKey<?>> allowed, List<Double> buckets) {
    this.startKey = ContextKey.named("vireo-duration-start-" + name);
    OpenTelemetry telemetry = VireoTelemetry.get();
    MeterProvider meterProvider = telemetry.getMeterProvider();
    this.recording = meterProvider != MeterProvider.noop();
    this.histogram =
        new DeferredHistogram(
            recording ? PendingDurations.of(telemetry) : null,
            () -> {
              DoubleHistogramBuilder builder =
                  meterProvider.get(meterName).histogramBuilder(name).setUnit("s").setDescription(description);
              if (buckets != null) {
                builder.setExplicitBucketBoundariesAdvice(buckets);
              }
              return builder.build();
            });
    this.allowed = allowed;
  }

  public static DurationMetric create(
      String meterName, String name, String description, List<AttributeKey<?>> allowed, List<Double> buckets) {
    return new DurationMetric(meterName, name, description, allowed, buckets);
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    if (!recording) {
      return context;
    }
    return context.with(startKey, new Start(startNanos, startAttributes));
  }

  @Override
  public void onEnd(Context context, Attributes endAttributes, long endNanos) {
    Start start = context.get(startKey);
    if (start == null) {
      return;
    }
    Attributes metricAttributes = MetricAttributes.of(allowed, endAttributes, start.attributes);
    histogram.record((endNanos - start.nanos) / NANOS_PER_SECOND, metricAttributes, context);
  }

  private static final class Start {
    final long nanos;
    final Attributes attributes;

    Start(long nanos, Attributes attributes) {
      this.nanos = nanos;
      this.attributes = attributes;
    }
  }
}
