package dev.vireo.tooling.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Against the SDK's real batch processor: its drop counter and queue size, in both naming generations. */
class SpanQueueMetricReaderTest {

  /** Takes the first batch and holds it until released, so everything after it piles up in the queue. */
  static final class StuckExporter implements SpanExporter {
    final AtomicInteger received = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      received.addAndGet(spans.size());
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      release.countDown();
      return CompletableResultCode.ofSuccess();
    }
  }

  @ParameterizedTest
  @EnumSource(InternalTelemetryVersion.class)
  void readsDropsAndQueueSizeOfABatchProcessor(InternalTelemetryVersion version) throws Exception {
    SpanQueueMetricReader reader = new SpanQueueMetricReader();
    SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    StuckExporter exporter = new StuckExporter();
    BatchSpanProcessor processor =
        BatchSpanProcessor.builder(exporter)
            .setMaxQueueSize(8)
            .setMaxExportBatchSize(2)
            .setScheduleDelay(Duration.ofMillis(10))
            .setExporterTimeout(Duration.ofSeconds(30))
            .setMeterProvider(meterProvider)
            .setInternalTelemetryVersion(version)
            .build();
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
    try {
      tracerProvider.get("test").spanBuilder("first").startSpan().end();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (exporter.received.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(exporter.received.get()).isEqualTo(1);

      for (int i = 0; i < 30; i++) {
        tracerProvider.get("test").spanBuilder("queued-or-dropped").startSpan().end();
      }

      SpanQueueMetricReader.Snapshot snapshot = reader.read();
      assertThat(snapshot.queueSize).isEqualTo(8);
      assertThat(snapshot.droppedQueueFull).isEqualTo(30 - 8);
    } finally {
      exporter.release.countDown();
      tracerProvider.shutdown().join(10, TimeUnit.SECONDS);
      meterProvider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  /** Takes the first batch of log records and holds it until released. */
  static final class StuckLogExporter implements LogRecordExporter {
    final AtomicInteger received = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      received.addAndGet(logs.size());
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      release.countDown();
      return CompletableResultCode.ofSuccess();
    }
  }

  @ParameterizedTest
  @EnumSource(InternalTelemetryVersion.class)
  void readsLogRecordsDroppedByABatchLogRecordProcessor(InternalTelemetryVersion version) throws Exception {
    SpanQueueMetricReader reader = new SpanQueueMetricReader();
    SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    StuckLogExporter exporter = new StuckLogExporter();
    BatchLogRecordProcessor processor =
        BatchLogRecordProcessor.builder(exporter)
            .setMaxQueueSize(8)
            .setMaxExportBatchSize(2)
            .setScheduleDelay(Duration.ofMillis(10))
            .setExporterTimeout(Duration.ofSeconds(30))
            .setMeterProvider(meterProvider)
            .setInternalTelemetryVersion(version)
            .build();
    SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder().addLogRecordProcessor(processor).build();
    try {
      loggerProvider.get("test").logRecordBuilder().setBody("first").emit();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (exporter.received.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(exporter.received.get()).isEqualTo(1);

      for (int i = 0; i < 30; i++) {
        loggerProvider.get("test").logRecordBuilder().setBody("queued-or-dropped").emit();
      }

      SpanQueueMetricReader.Snapshot snapshot = reader.read();
      assertThat(snapshot.logRecordsDroppedQueueFull).isEqualTo(30 - 8);
      assertThat(snapshot.droppedQueueFull).isZero();
    } finally {
      exporter.release.countDown();
      loggerProvider.shutdown().join(10, TimeUnit.SECONDS);
      meterProvider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void keepsNoHistogramSoRequestDurationsAreRecordedOnceForTheExportingReader() {
    SpanQueueMetricReader reader = new SpanQueueMetricReader();
    InMemoryMetricReader exporting = InMemoryMetricReader.create();
    SdkMeterProvider meterProvider =
        SdkMeterProvider.builder().registerMetricReader(reader).registerMetricReader(exporting).build();
    try {
      Meter meter = meterProvider.get("test");
      meter.histogramBuilder("http.server.request.duration").build().record(0.25);
      meter.counterBuilder("processedSpans").build().add(3);

      assertThat(reader.collect()).extracting(MetricData::getName).containsExactly("processedSpans");
      assertThat(exporting.collectAllMetrics())
          .extracting(MetricData::getName)
          .containsExactlyInAnyOrder("http.server.request.duration", "processedSpans");
    } finally {
      meterProvider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }
}
