package dev.vireo.instrumentation.api.semconv.common;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.context.Context;
import java.util.function.Supplier;

/**
 * A histogram built at once, or, where the agent starts its metrics pipeline late, at that start: what is measured
 * before then waits in {@link PendingDurations} and is recorded at the start.
 */
public final class DeferredHistogram {

  private final Supplier<DoubleHistogram> builder;
  private final PendingDurations pending;
  private volatile DoubleHistogram histogram;

  /** @param pending where measurements wait for the start; null: the histogram is built now */
  public DeferredHistogram(PendingDurations pending, Supplier<DoubleHistogram> builder) {
    this.builder = builder;
    this.pending = pending;
    if (pending == null || !pending.waitForStart(this)) {
      build();
    }
  }

  /** Once, by the constructor or by {@link PendingDurations#start()}. */
  void build() {
    histogram = builder.get();
  }

  public void record(double value, Attributes attributes, Context context) {
    if (histogram == null && pending.offer(this, value, attributes, context)) {
      return;
    }
    recordBuilt(value, attributes, context);
  }

  /** Into the histogram, built by now (unless building it failed, which {@link PendingDurations} logged). */
  void recordBuilt(double value, Attributes attributes, Context context) {
    DoubleHistogram built = histogram;
    if (built != null) {
      built.record(value, attributes, context);
    }
  }
}
