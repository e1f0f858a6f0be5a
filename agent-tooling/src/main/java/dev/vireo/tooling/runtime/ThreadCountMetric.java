package dev.vireo.tooling.runtime;

import static dev.vireo.tooling.runtime.RuntimeAttributes.THREAD_DAEMON;
import static dev.vireo.tooling.runtime.RuntimeAttributes.THREAD_STATE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@code jvm.thread.count} by daemon flag and state. Java 9+ tells whether a {@link ThreadInfo} is a daemon; on
 * Java 8 only the daemon split is known, so the points there carry no state.
 */
final class ThreadCountMetric {

  private static final Thread.State[] STATES = Thread.State.values();

  private final ThreadMXBean threads;
  /** {@code ThreadInfo.isDaemon()}, Java 9+; null on Java 8. */
  private final MethodHandle isDaemon;
  /** Indexed by daemon (0/1) * states + state ordinal. */
  private final Attributes[] byDaemonAndState;
  private final Attributes[] byDaemon;

  ThreadCountMetric(ThreadMXBean threads, MethodHandle isDaemon) {
    this.threads = threads;
    this.isDaemon = isDaemon;
    this.byDaemonAndState = new Attributes[2 * STATES.length];
    this.byDaemon = new Attributes[2];
    for (int daemon = 0; daemon < 2; daemon++) {
      byDaemon[daemon] = Attributes.of(THREAD_DAEMON, daemon == 1);
      for (Thread.State state : STATES) {
        byDaemonAndState[daemon * STATES.length + state.ordinal()] =
            Attributes.of(THREAD_DAEMON, daemon == 1, THREAD_STATE, state.name().toLowerCase(Locale.ROOT));
      }
    }
  }

  static void register(Meter meter) {
    new ThreadCountMetric(ManagementFactory.getThreadMXBean(), findIsDaemon()).registerOn(meter);
  }

  static MethodHandle findIsDaemon() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(ThreadInfo.class, "isDaemon", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  void registerOn(Meter meter) {
    meter
        .upDownCounterBuilder("jvm.thread.count")
        .setUnit("{thread}")
        .setDescription("Number of executing platform threads.")
        .buildWithCallback(this::observe);
  }

  private void observe(ObservableLongMeasurement measurement) {
    if (isDaemon == null) {
      int daemons = threads.getDaemonThreadCount();
      measurement.record(daemons, byDaemon[1]);
      measurement.record(threads.getThreadCount() - daemons, byDaemon[0]);
      return;
    }
    long[] counts = new long[byDaemonAndState.length];
    // depth 0: no stack traces, only the state and flags
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info != null) {
        counts[(daemon(info) ? STATES.length : 0) + info.getThreadState().ordinal()]++;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        measurement.record(counts[i], byDaemonAndState[i]);
      }
    }
  }

  private boolean daemon(ThreadInfo info) {
    try {
      return (boolean) isDaemon.invokeExact(info);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
