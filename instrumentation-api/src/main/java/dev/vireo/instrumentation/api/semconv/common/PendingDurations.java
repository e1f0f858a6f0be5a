package dev.vireo.instrumentation.api.semconv.common;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Duration measurements taken before the agent's metrics pipeline starts (issue 21: at its first export, so the
 * application's first traced call does not build histograms and load the metrics SDK's recording path for an
 * export a minute away). Until {@link #start()} no {@link DeferredHistogram} is built; each measurement is kept
 * here, with the span context it was taken in (for its exemplar), and recorded into its histogram at the start.
 * A busy application fills the room before the first export: when half of it is taken the start is handed to the
 * agent's background starter, so that the histograms are usually built off the application's threads. Nothing is
 * lost even when the room runs out first: the thread that finds none starts the histograms itself (once; a thread
 * that records in that moment waits for it) and records directly.
 */
public final class PendingDurations {

  /** Given by an agent's {@link OpenTelemetry} whose metrics pipeline starts late. */
  public interface Holder {
    /** Null when histograms are built at once. */
    PendingDurations pendingDurations();
  }

  static final int DEFAULT_CAPACITY = 1024;
  private static final int CLOSED = 1 << 30;
  private static final long WRITER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final int capacity;
  private final Executor starter;
  private final AtomicReferenceArray<Measurement> kept;
  /** Slots claimed so far; {@link #CLOSED} added once started, so a later claim knows to record directly. */
  private final AtomicInteger claimed = new AtomicInteger();
  private volatile boolean started;
  private final List<DeferredHistogram> waiting = new ArrayList<>(); // guarded by this
  private final List<Runnable> setups = new ArrayList<>(); // guarded by this

  /** @param starter runs {@link #start()} off the recording threads once half the room is taken */
  public PendingDurations(Executor starter) {
    this(DEFAULT_CAPACITY, starter);
  }

  PendingDurations(int capacity, Executor starter) {
    this.capacity = capacity;
    this.starter = starter;
    this.kept = new AtomicReferenceArray<>(capacity);
  }

  /** The pending measurements of this telemetry's metrics, or null when its histograms are built at once. */
  public static PendingDurations of(OpenTelemetry telemetry) {
    return telemetry instanceof Holder ? ((Holder) telemetry).pendingDurations() : null;
  }

  public boolean isStarted() {
    return started;
  }

  /** True: the histogram is built at {@link #start()}; false: started already, it is built now. */
  synchronized boolean waitForStart(DeferredHistogram histogram) {
    if (started) {
      return false;
    }
    waiting.add(histogram);
    return true;
  }

  /**
   * Has {@code setup} run at the start, after the histograms are built (a connection pool's gauges, say, which need
   * not exist before the first collection); false when started already, and the caller runs it itself.
   */
  public synchronized boolean runAtStart(Runnable setup) {
    if (started) {
      return false;
    }
    setups.add(setup);
    return true;
  }

  /**
   * Runs {@code setup} when this telemetry's metrics pipeline starts: at its start where it starts late ({@link
   * #runAtStart}), else now.
   */
  public static void whenMetricsStart(OpenTelemetry telemetry, Runnable setup) {
    PendingDurations pending = of(telemetry);
    if (pending == null || !pending.runAtStart(setup)) {
      setup.run();
    }
  }

  /** True when the measurement is kept for the start; false when started, and the caller records it directly. */
  boolean offer(DeferredHistogram histogram, double value, Attributes attributes, Context context) {
    if (started) {
      return false;
    }
    int slot = claimed.getAndIncrement();
    if (slot < capacity) {
      kept.set(slot, new Measurement(histogram, value, attributes, Span.fromContext(context).getSpanContext()));
      if (slot == capacity / 2) {
        startSoon(); // exactly one thread takes this slot
      }
      return true;
    }
    if (slot < CLOSED) {
      start(); // no room before the first export: start now rather than drop
    }
    return false;
  }

  /**
   * Builds every waiting histogram and records what was kept into it, in the order taken. Called by the agent just
   * before its first metric collection; later calls do nothing.
   */
  public synchronized void start() {
    if (started) {
      return;
    }
    for (DeferredHistogram histogram : waiting) {
      try {
        histogram.build();
      } catch (RuntimeException e) {
        AgentLog.warn("a duration histogram could not be built ({}); it records nothing", e.toString());
      }
    }
    waiting.clear();
    for (Runnable setup : setups) {
      try {
        setup.run();
      } catch (RuntimeException e) {
        AgentLog.warn("metrics set up at the pipeline's start are incomplete ({})", e.toString());
      }
    }
    setups.clear();
    started = true;
    int taken = Math.min(claimed.getAndAdd(CLOSED), capacity);
    int replayed = 0;
    for (int slot = 0; slot < taken; slot++) {
      Measurement measurement = awaitWriter(slot);
      if (measurement != null) {
        measurement.replay();
        kept.set(slot, null);
        replayed++;
      }
    }
    AgentLog.debug("metrics pipeline started: {} duration measurements taken before it recorded", replayed);
  }

  private void startSoon() {
    try {
      starter.execute(this::start);
    } catch (RuntimeException e) {
      AgentLog.debug("duration histograms not started early ({}); they start at the first export", e.toString());
    }
  }

  /** A slot is claimed just before it is written; its writer is given a moment to finish. */
  private Measurement awaitWriter(int slot) {
    Measurement measurement = kept.get(slot);
    long deadline = System.nanoTime() + WRITER_WAIT_NANOS;
    while (measurement == null && System.nanoTime() - deadline < 0) {
      Thread.yield();
      measurement = kept.get(slot);
    }
    return measurement;
  }

  private static final class Measurement {
    final DeferredHistogram histogram;
    final double value;
    final Attributes attributes;
    final SpanContext spanContext;

    Measurement(DeferredHistogram histogram, double value, Attributes attributes, SpanContext spanContext) {
      this.histogram = histogram;
      this.value = value;
      this.attributes = attributes;
      this.spanContext = spanContext;
    }

    void replay() {
      // the span only, for the exemplar: the rest of the context is not kept this long
      Context context = spanContext.isValid() ? Context.root().with(Span.wrap(spanContext)) : Context.root();
      histogram.recordBuilt(value, attributes, context);
    }
  }
}
