package dev.vireo.testing.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Everything both transports received, plus the behaviour they must answer with. One monitor guards it all so the
 * await methods can wait for a notification instead of sleeping in a loop.
 */
final class ReceivedTelemetry {

  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final List<ExportTraceServiceRequest> traceRequests = new ArrayList<>();
  private final List<ExportMetricsServiceRequest> metricsRequests = new ArrayList<>();
  private final List<ExportLogsServiceRequest> logsRequests = new ArrayList<>();
  private final Map<Protocol, Map<Signal, Integer>> requestCounts = new EnumMap<>(Protocol.class);
  private Map<String, List<String>> lastHeaders = Map.of();
  private final Map<Protocol, Map<String, List<String>>> lastHeadersByProtocol = new EnumMap<>(Protocol.class);

  private ExportBehaviour behaviour = ExportBehaviour.ok();
  private ExportBehaviour temporaryBehaviour;
  private int temporaryRemaining;

  ReceivedTelemetry() {
    for (Protocol protocol : Protocol.values()) {
      requestCounts.put(protocol, new EnumMap<>(Signal.class));
    }
  }

  /** Counts the request, records its headers and picks the behaviour to answer it with. */
  synchronized ExportBehaviour onRequest(Protocol protocol, Signal signal, Map<String, List<String>> headers) {
    requestCounts.get(protocol).merge(signal, 1, Integer::sum);
    lastHeaders = headers;
    lastHeadersByProtocol.put(protocol, headers);
    ExportBehaviour chosen = behaviour;
    if (temporaryRemaining > 0) {
      chosen = temporaryBehaviour;
      temporaryRemaining--;
    }
    notifyAll();
    return chosen;
  }

  synchronized void acceptTraces(ExportTraceServiceRequest request, Protocol protocol) {
    traceRequests.add(request);
    spans.addAll(ProtoSpans.flatten(request, protocol));
    notifyAll();
  }

  synchronized void acceptMetrics(ExportMetricsServiceRequest request) {
    metricsRequests.add(request);
    notifyAll();
  }

  synchronized void acceptLogs(ExportLogsServiceRequest request) {
    logsRequests.add(request);
    notifyAll();
  }

  synchronized void behaviour(ExportBehaviour behaviour) {
    this.behaviour = behaviour;
    this.temporaryRemaining = 0;
    this.temporaryBehaviour = null;
  }

  synchronized void behaviourForNext(int requests, ExportBehaviour behaviour) {
    this.temporaryBehaviour = behaviour;
    this.temporaryRemaining = requests;
  }

  synchronized ExportBehaviour behaviour() {
    return temporaryRemaining > 0 ? temporaryBehaviour : behaviour;
  }

  synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  synchronized List<ExportTraceServiceRequest> traceRequests() {
    return List.copyOf(traceRequests);
  }

  synchronized List<ExportMetricsServiceRequest> metricsRequests() {
    return List.copyOf(metricsRequests);
  }

  synchronized List<ExportLogsServiceRequest> logsRequests() {
    return List.copyOf(logsRequests);
  }

  synchronized int requestCount(Protocol protocol, Signal signal) {
    return requestCounts.get(protocol).getOrDefault(signal, 0);
  }

  synchronized int requestCount(Protocol protocol) {
    int total = 0;
    for (int count : requestCounts.get(protocol).values()) {
      total += count;
    }
    return total;
  }

  synchronized Map<String, List<String>> lastHeaders() {
    return lastHeaders;
  }

  synchronized Map<String, List<String>> lastHeaders(Protocol protocol) {
    return lastHeadersByProtocol.getOrDefault(protocol, Map.of());
  }

  /** Forgets all telemetry, counters and headers; the behaviour stays. */
  synchronized void clear() {
    spans.clear();
    traceRequests.clear();
    metricsRequests.clear();
    logsRequests.clear();
    for (Map<Signal, Integer> counts : requestCounts.values()) {
      counts.clear();
    }
    lastHeaders = Map.of();
    lastHeadersByProtocol.clear();
  }

  /**
   * Waits until {@code until} holds for what {@code snapshot} returns, re-checking on every arrival.
   *
   * @throws AssertionError on timeout, naming what was there
   */
  synchronized <T> T await(Supplier<T> snapshot, Predicate<? super T> until, Duration timeout, String what) {
    return await(snapshot, until, timeout, what, String::valueOf);
  }

  /** As {@link #await(Supplier, Predicate, Duration, String)}, saying what it had by {@code describe} on a timeout. */
  synchronized <T> T await(
      Supplier<T> snapshot, Predicate<? super T> until, Duration timeout, String what,
      Function<? super T, String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T current = snapshot.get();
      if (until.test(current)) {
        return current;
      }
      long remainingNanos = deadline - System.nanoTime();
      if (remainingNanos <= 0) {
        throw new AssertionError(
            "Timed out after " + timeout + " waiting for " + what + "; have: " + describe.apply(current));
      }
      try {
        // Bounded wait: a predicate may also depend on state outside this monitor (e.g. the clock).
        long millis = Math.max(1, Math.min(100, remainingNanos / 1_000_000));
        wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what, e);
      }
    }
  }
}
