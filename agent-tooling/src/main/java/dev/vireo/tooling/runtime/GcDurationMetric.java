package dev.vireo.tooling.runtime;

import static dev.vireo.tooling.runtime.RuntimeAttributes.GC_ACTION;
import static dev.vireo.tooling.runtime.RuntimeAttributes.GC_CAUSE;
import static dev.vireo.tooling.runtime.RuntimeAttributes.GC_NAME;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.semconv.common.DeferredHistogram;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.context.Context;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm.gc.duration}: one measurement per garbage collection, taken from the JVM's GC notifications
 * (delivered on the JVM's own notification thread), so nothing polls.
 */
final class GcDurationMetric implements NotificationListener, AutoCloseable {

  static final List<Double> BUCKETS = Arrays.asList(0.01, 0.1, 1.0, 10.0);

  private static final NotificationFilter GC_NOTIFICATIONS =
      notification -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType());

  private final DeferredHistogram histogram;
  private final boolean captureCause;
  private final List<NotificationEmitter> emitters = new ArrayList<>();

  /**
   * @param pending where collections wait for the metrics pipeline's start; null: the histogram is built now. The
   *     meter is built with the histogram: its first build costs the SDK about 10 ms of CPU, which belongs to the
   *     pipeline's start, not to the moment the listener is added (issue 21).
   */
  GcDurationMetric(MeterProvider meterProvider, boolean captureCause, PendingDurations pending) {
    this.histogram =
        new DeferredHistogram(
            pending,
            () ->
                RuntimeMetrics.meter(meterProvider)
                    .histogramBuilder("jvm.gc.duration")
                    .setUnit("s")
                    .setDescription("Duration of JVM garbage collection actions.")
                    .setExplicitBucketBoundariesAdvice(BUCKETS)
                    .build());
    this.captureCause = captureCause;
  }

  /** Listens to every collector that sends notifications; null where the JVM has no GC notifications. */
  static GcDurationMetric register(MeterProvider meterProvider, boolean captureCause, PendingDurations pending) {
    GcDurationMetric metric;
    try {
      metric = new GcDurationMetric(meterProvider, captureCause, pending);
      // resolves the com.sun.management class now, so a JVM without it is noticed here
      GarbageCollectionNotificationInfo.class.getName();
    } catch (LinkageError e) {
      VireoLog.debug("jvm.gc.duration is not recorded: this JVM has no GC notifications ({})", e.toString());
      return null;
    }
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) {
        NotificationEmitter emitter = (NotificationEmitter) collector;
        emitter.addNotificationListener(metric, GC_NOTIFICATIONS, null);
        metric.emitters.add(emitter);
      }
    }
    return metric;
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    // The four values are read from the notification's CompositeData as they are:
    // GarbageCollectionNotificationInfo.from would validate it and map the whole GcInfo back into Java objects
    // (each pool's memory usage, through the MXBean type mapping), about 5 ms of CPU at the first collection and
    // garbage at every one, for values never used.
    try {
      CompositeData data = (CompositeData) notification.getUserData();
      CompositeData gcInfo = (CompositeData) data.get("gcInfo");
      record(
          (String) data.get("gcName"),
          (String) data.get("gcAction"),
          (String) data.get("gcCause"),
          (Long) gcInfo.get("duration"));
    } catch (RuntimeException e) {
      VireoLog.debug("a GC notification could not be read ({})", e.toString());
    }
  }

  void record(String name, String action, String cause, long durationMillis) {
    Attributes attributes =
        captureCause
            ? Attributes.of(GC_NAME, name, GC_ACTION, action, GC_CAUSE, cause)
            : Attributes.of(GC_NAME, name, GC_ACTION, action);
    histogram.record(durationMillis / 1000.0, attributes, Context.root());
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this, GC_NOTIFICATIONS, null);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
    emitters.clear();
  }
}
