package dev.vireo.tooling.exporter;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.Collection;

/**
 * Reads the batch span processor's own telemetry (spans dropped because the queue was full, current
 * queue size) on demand. The SDK's processor only reports these through its meter provider, so this
 * reader is registered there; it exports nothing, keeps no histogram, and costs nothing until someone asks.
 *
 * <p>Understands both generations of the SDK's names: the semantic-convention ones ({@code
 * otel.sdk.processor.span.processed} with {@code error.type=queue_full}, {@code
 * otel.sdk.processor.span.queue.size}) and the legacy ones ({@code processedSpans} with {@code
 * dropped=true}, {@code queueSize}).
 *
 * <p>Also counts the log records the batch log record processor dropped because its queue was full ({@code
 * otel.sdk.processor.log.processed}, legacy {@code processedLogs}): the application's logs share the export path.
 */
public final class SpanQueueMetricReader implements MetricReader {

  static final String PROCESSED = "otel.sdk.processor.span.processed";
  static final String QUEUE_SIZE = "otel.sdk.processor.span.queue.size";
  static final String LEGACY_PROCESSED = "processedSpans";
  static final String LEGACY_QUEUE_SIZE = "queueSize";
  static final String LOGS_PROCESSED = "otel.sdk.processor.log.processed";
  static final String LEGACY_LOGS_PROCESSED = "processedLogs";
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<Boolean> LEGACY_DROPPED = AttributeKey.booleanKey("dropped");

  private volatile CollectionRegistration registration = CollectionRegistration.noop();

  /** What the processor reports right now. */
  public static final class Snapshot {
    public final long droppedQueueFull;
    public final long queueSize;
    /** Log records the batch log record processor dropped because its queue was full. */
    public final long logRecordsDroppedQueueFull;

    Snapshot(long droppedQueueFull, long queueSize) {
      this(droppedQueueFull, queueSize, 0);
    }

    Snapshot(long droppedQueueFull, long queueSize, long logRecordsDroppedQueueFull) {
      this.droppedQueueFull = droppedQueueFull;
      this.queueSize = queueSize;
      this.logRecordsDroppedQueueFull = logRecordsDroppedQueueFull;
    }
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  public Snapshot read() {
    return summarize(collect());
  }

  Collection<MetricData> collect() {
    return registration.collectAllMetrics();
  }

  static Snapshot summarize(Collection<MetricData> metrics) {
    long dropped = 0;
    long queueSize = 0;
    long logsDropped = 0;
    for (MetricData metric : metrics) {
      String name = metric.getName();
      if (name.equals(PROCESSED) || name.equals(LEGACY_PROCESSED)) {
        for (PointData point : metric.getData().getPoints()) {
          if (point instanceof LongPointData && isQueueFullDrop(point.getAttributes())) {
            dropped += ((LongPointData) point).getValue();
          }
        }
      } else if (name.equals(LOGS_PROCESSED) || name.equals(LEGACY_LOGS_PROCESSED)) {
        for (PointData point : metric.getData().getPoints()) {
          if (point instanceof LongPointData && isQueueFullDrop(point.getAttributes())) {
            logsDropped += ((LongPointData) point).getValue();
          }
        }
      } else if (name.equals(QUEUE_SIZE) || name.equals(LEGACY_QUEUE_SIZE)) {
        for (PointData point : metric.getData().getPoints()) {
          if (point instanceof LongPointData) {
            queueSize += ((LongPointData) point).getValue();
          }
        }
      }
    }
    return new Snapshot(dropped, queueSize, logsDropped);
  }

  private static boolean isQueueFullDrop(Attributes attributes) {
    return "queue_full".equals(attributes.get(ERROR_TYPE)) || Boolean.TRUE.equals(attributes.get(LEGACY_DROPPED));
  }

  /**
   * The processors' figures are counters and gauges. Every histogram (the HTTP, database and RPC durations recorded
   * on each request) is dropped for this reader: otherwise the SDK keeps a second storage per histogram for it and
   * records each measurement twice.
   */
  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return instrumentType == InstrumentType.HISTOGRAM ? Aggregation.drop() : Aggregation.defaultAggregation();
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    registration = CollectionRegistration.noop();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public String toString() {
    return "SpanQueueMetricReader";
  }
}
