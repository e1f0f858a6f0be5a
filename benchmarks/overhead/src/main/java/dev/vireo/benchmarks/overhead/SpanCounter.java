package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts spans the receiver got and forgets them every second: the receiver keeps everything in memory, and a few
 * minutes of load would otherwise fill the harness's heap. Spans arriving between the count and the clear are lost
 * to the count, hence "approx." in the table; it is a sanity check that both agents traced the same work.
 */
final class SpanCounter implements AutoCloseable {

  private final OtlpReceiver receiver;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "span-counter");
    thread.setDaemon(true);
    return thread;
  });
  private long total;
  private final Map<String, Long> byService = new HashMap<>();
  private long runtimeMetricExports;

  SpanCounter(OtlpReceiver receiver) {
    this.receiver = receiver;
    timer.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
  }

  synchronized void drain() {
    List<ReceivedSpan> spans = receiver.spans();
    boolean runtimeMetrics = receiver.metricNames().contains("jvm.memory.used");
    receiver.clear();
    if (runtimeMetrics) {
      runtimeMetricExports++;
    }
    total += spans.size();
    for (ReceivedSpan span : spans) {
      byService.merge(String.valueOf(span.resourceAttribute("service.name")), 1L, Long::sum);
    }
  }

  /** Spans counted so far whose resource's {@code service.name} is {@code service}. */
  synchronized long total(String service) {
    return byService.getOrDefault(service, 0L);
  }

  /** Drains that found a metrics export with {@code jvm.memory.used} in it: did the JVM metrics reach us at all. */
  synchronized long runtimeMetricExports() {
    return runtimeMetricExports;
  }

  synchronized long total() {
    return total;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
