package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.util.ArrayList;
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
  private final Map<String, Long> byServiceAndKind = new HashMap<>();
  /** Per service asked for: the trace id of its first span since the ask, and that trace's spans so far. */
  private final Map<String, String> sampledTraceIds = new HashMap<>();
  private final Map<String, List<ReceivedSpan>> sampledTraces = new HashMap<>();
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
      String service = String.valueOf(span.resourceAttribute("service.name"));
      byService.merge(service, 1L, Long::sum);
      byServiceAndKind.merge(service + " " + span.kind(), 1L, Long::sum);
      List<ReceivedSpan> sampled = sampledTraces.get(service);
      if (sampled != null && sampled.size() < 100
          && span.traceId().equals(sampledTraceIds.computeIfAbsent(service, s -> span.traceId()))) {
        sampled.add(span);
      }
    }
  }

  /**
   * From now on keeps every span of the first trace {@code service} reports, whichever exports its spans arrive in
   * (a trace's spans end at different times and may be split between two batches). What the receiver holds so far
   * is counted first, so a previous run's late spans cannot be taken for that trace.
   */
  synchronized void sampleNextTrace(String service) {
    drain();
    sampledTraceIds.remove(service);
    sampledTraces.put(service, new ArrayList<>());
  }

  /** The spans of the trace {@link #sampleNextTrace} asked for, as received so far. */
  synchronized List<ReceivedSpan> sampledTrace(String service) {
    return List.copyOf(sampledTraces.getOrDefault(service, List.of()));
  }

  /** Spans counted so far of {@code service} whose kind is {@code kind} ({@code SERVER}, {@code CLIENT}, ...). */
  synchronized long total(String service, String kind) {
    return byServiceAndKind.getOrDefault(service + " " + kind, 0L);
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
