package dev.vireo.tooling.exporter;

/**
 * The exporter's health over JMX, as {@value ExporterHealthJmx#OBJECT_NAME}. All counters count since
 * the agent started.
 */
public interface ExporterHealthMXBean {

  /** Where spans go, e.g. {@code otlp http/protobuf http://collector:4318/v1/traces}. */
  String getEndpoint();

  /** Spans the collector accepted. */
  long getSpansExported();

  /** Spans dropped because the export queue was full ({@code otel.bsp.max.queue.size}). */
  long getSpansDropped();

  /** Spans in export calls that failed (after retries). */
  long getSpansFailed();

  /** Application log records dropped because the log record processor's queue was full. */
  long getLogRecordsDropped();

  /** Export calls (batches) that failed (after retries). */
  long getFailedExports();

  /** Spans waiting to be exported. */
  long getQueueSize();

  /** {@code otel.bsp.max.queue.size}. */
  int getMaxQueueSize();

  /** False from the first failed export until the next successful one. */
  boolean isHealthy();

  /** Why the latest failed export failed; empty before any failure. */
  String getLastError();

  /** True while the circuit breaker stops new spans (heap nearly full after GC, or GC time too high). */
  boolean isCircuitBreakerOpen();

  /** Why the circuit breaker last opened; empty before it ever opened. */
  String getCircuitBreakerReason();

  /** How often the circuit breaker opened since start. */
  long getCircuitBreakerTrips();
}
