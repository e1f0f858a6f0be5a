package dev.vireo.testing.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real OTLP receiver for tests: OTLP/gRPC and OTLP/http-protobuf servers on loopback ports chosen by the OS, storing
 * what they receive (traces as {@link ReceivedSpan}s; metrics and logs as the raw requests).
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.open()) {
 *   // point the exporter at receiver.grpcEndpoint() or receiver.httpEndpoint() + "/v1/traces"
 *   List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.size() >= 2, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Both ports are kept across {@link #stop()} / {@link #start()} to simulate a collector going down and coming
 * back. Received data survives a restart; {@link #clear()} forgets it. Thread-safe.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final ReceivedTelemetry telemetry = new ReceivedTelemetry();
  private final GrpcCollector grpc;
  private final HttpCollector http;
  private final boolean tls;

  private OtlpReceiver(ReceiverTls tls) {
    this.grpc = new GrpcCollector(telemetry, tls);
    this.http = new HttpCollector(telemetry, tls);
    this.tls = tls != null;
  }

  /** Starts a plain-text receiver. */
  public static OtlpReceiver open() {
    return open(null);
  }

  /** Starts a receiver serving TLS (mutual TLS when {@code tls} has a client CA); null means plain text. */
  public static OtlpReceiver open(ReceiverTls tls) {
    OtlpReceiver receiver = new OtlpReceiver(tls);
    receiver.start();
    return receiver;
  }

  /** (Re)starts both transports; after a {@link #stop()} they bind the same ports as before. Idempotent. */
  public void start() {
    grpc.start();
    try {
      http.start();
    } catch (RuntimeException e) {
      grpc.stop();
      throw e;
    }
  }

  /** Stops both transports, cancelling calls in flight; received data is kept. Idempotent. */
  public void stop() {
    grpc.stop();
    http.stop();
  }

  public boolean isRunning() {
    return grpc.isRunning() && http.isRunning();
  }

  @Override
  public void close() {
    stop();
  }

  /** {@code http://127.0.0.1:PORT} ({@code https://} with TLS): the value for a gRPC exporter's endpoint. */
  public String grpcEndpoint() {
    return scheme() + "://127.0.0.1:" + grpc.port();
  }

  /**
   * {@code http://127.0.0.1:PORT} ({@code https://} with TLS): the base for OTLP/HTTP; the signal paths
   * {@code /v1/traces}, {@code /v1/metrics}, {@code /v1/logs} are appended by clients configured with
   * {@code otel.exporter.otlp.endpoint}.
   */
  public String httpEndpoint() {
    return scheme() + "://127.0.0.1:" + http.port();
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int httpPort() {
    return http.port();
  }

  private String scheme() {
    return tls ? "https" : "http";
  }

  // ---- behaviour --------------------------------------------------------------------------------------------------

  /** Answers every following request (both transports) this way until changed. */
  public void setBehaviour(ExportBehaviour behaviour) {
    telemetry.behaviour(behaviour);
  }

  /** Answers the next {@code requests} requests (both transports together) this way, then as before. */
  public void setBehaviourForNext(int requests, ExportBehaviour behaviour) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative: " + requests);
    }
    telemetry.behaviourForNext(requests, behaviour);
  }

  /** The behaviour the next request will get. */
  public ExportBehaviour behaviour() {
    return telemetry.behaviour();
  }

  // ---- what was received ------------------------------------------------------------------------------------------

  /** Spans from accepted trace requests, in arrival order (immutable snapshot). */
  public List<ReceivedSpan> spans() {
    return telemetry.spans();
  }

  /**
   * Waits until {@code until} holds for the received spans and returns that snapshot.
   *
   * @throws AssertionError on timeout, listing the spans received so far
   */
  public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> until, Duration timeout) {
    return telemetry.await(telemetry::spans, until, timeout, "spans matching the condition");
  }

  /** Waits for at least {@code count} spans. */
  public List<ReceivedSpan> awaitSpanCount(int count, Duration timeout) {
    return telemetry.await(telemetry::spans, spans -> spans.size() >= count, timeout, "at least " + count + " spans");
  }

  /** Waits until at least {@code count} requests (any signal, any outcome) arrived over {@code protocol}. */
  public void awaitRequests(Protocol protocol, int count, Duration timeout) {
    telemetry.await(() -> telemetry.requestCount(protocol), n -> n >= count, timeout,
        "at least " + count + " " + protocol + " requests");
  }

  /** The accepted trace requests as sent. */
  public List<ExportTraceServiceRequest> traceRequests() {
    return telemetry.traceRequests();
  }

  /**
   * Waits until at least {@code count} metrics requests were accepted (counted by {@link #requestCount} on arrival,
   * listed here once read) and returns them.
   */
  public List<ExportMetricsServiceRequest> awaitMetricsRequests(int count, Duration timeout) {
    return telemetry.await(telemetry::metricsRequests, requests -> requests.size() >= count, timeout,
        "at least " + count + " metrics requests");
  }

  /** The accepted metrics requests as sent. */
  public List<ExportMetricsServiceRequest> metricsRequests() {
    return telemetry.metricsRequests();
  }

  /** The accepted logs requests as sent. */
  public List<ExportLogsServiceRequest> logsRequests() {
    return telemetry.logsRequests();
  }

  /** Names of all metrics received so far, in first-seen order. */
  public Set<String> metricNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ExportMetricsServiceRequest request : telemetry.metricsRequests()) {
      names.addAll(metricNamesOf(request));
    }
    return Collections.unmodifiableSet(names);
  }

  /** Names of the metrics of one request, in order: what a single export carried. */
  public static Set<String> metricNamesOf(ExportMetricsServiceRequest request) {
    Set<String> names = new LinkedHashSet<>();
    for (Metric metric : metricsOf(request)) {
      names.add(metric.getName());
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * Waits until the metrics received so far ({@link #metrics()}) satisfy {@code until} and returns them; on a timeout
   * the assertion names the metrics that did arrive.
   */
  public List<Metric> awaitMetrics(Predicate<List<Metric>> until, Duration timeout) {
    return telemetry.await(this::metrics, until, timeout, "metrics matching the condition",
        metrics -> metrics.stream().map(Metric::getName).collect(Collectors.toCollection(TreeSet::new)).toString());
  }

  /** Every metric of every accepted request, in arrival order (one entry per export of a metric). */
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    for (ExportMetricsServiceRequest request : telemetry.metricsRequests()) {
      metrics.addAll(metricsOf(request));
    }
    return metrics;
  }

  /** The metrics of one request, across its resources and scopes, in order. */
  public static List<Metric> metricsOf(ExportMetricsServiceRequest request) {
    List<Metric> metrics = new ArrayList<>();
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        metrics.addAll(scopeMetrics.getMetricsList());
      }
    }
    return metrics;
  }

  /** Number of log records received so far. */
  public int logRecordCount() {
    int count = 0;
    for (ExportLogsServiceRequest request : telemetry.logsRequests()) {
      for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
        for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
          count += scopeLogs.getLogRecordsCount();
        }
      }
    }
    return count;
  }

  /** Requests that arrived over {@code protocol}, all signals and outcomes (rejected and hung ones too). */
  public int requestCount(Protocol protocol) {
    return telemetry.requestCount(protocol);
  }

  public int requestCount(Protocol protocol, Signal signal) {
    return telemetry.requestCount(protocol, signal);
  }

  /**
   * Headers of the last request over either transport: lower-case names; for gRPC the ASCII metadata (binary
   * {@code -bin} entries left out), which includes headers configured with {@code otel.exporter.otlp.headers}.
   */
  public Map<String, List<String>> lastRequestHeaders() {
    return telemetry.lastHeaders();
  }

  public Map<String, List<String>> lastRequestHeaders(Protocol protocol) {
    return telemetry.lastHeaders(protocol);
  }

  /** Forgets received telemetry, counters and headers (the behaviour stays). */
  public void clear() {
    telemetry.clear();
  }
}
