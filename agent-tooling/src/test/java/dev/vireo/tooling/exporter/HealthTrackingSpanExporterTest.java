package dev.vireo.tooling.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthTrackingSpanExporterTest {

  private final Deque<CompletableResultCode> pending = new ArrayDeque<>();
  private final ExportHealth health =
      new ExportHealth("test", 10, () -> new SpanQueueMetricReader.Snapshot(0, 0));
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private boolean shutDown;

  private final SpanExporter delegate =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          CompletableResultCode result = new CompletableResultCode();
          pending.add(result);
          return result;
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          shutDown = true;
          return CompletableResultCode.ofSuccess();
        }
      };

  @BeforeEach
  void setUp() {
    VireoLog.configure(false, true);
    VireoLog.redirect(new PrintStream(logged, true));
  }

  @AfterEach
  void tearDown() {
    VireoLog.redirect(System.err);
  }

  @SuppressWarnings("unchecked")
  private static Collection<SpanData> spans(int count) {
    return (Collection<SpanData>) (Collection<?>) Collections.nCopies(count, null);
  }

  @Test
  void countsWhenTheExportCompletesNotWhenItStarts() {
    HealthTrackingSpanExporter exporter = new HealthTrackingSpanExporter(delegate, health);

    CompletableResultCode first = exporter.export(spans(3));
    CompletableResultCode second = exporter.export(spans(5));
    assertThat(health.spansExported()).isZero();

    pending.removeFirst().succeed();
    pending.removeFirst().failExceptionally(FailedExportException.httpFailedExceptionally(new ConnectException("refused")));

    assertThat(first.isSuccess()).isTrue();
    assertThat(second.isSuccess()).isFalse();
    assertThat(health.spansExported()).isEqualTo(3);
    assertThat(health.spansFailed()).isEqualTo(5);
    assertThat(health.failedExports()).isEqualTo(1);
    assertThat(health.lastError()).isEqualTo("connection refused (java.net.ConnectException: refused)");
  }

  @Test
  void anExporterThatThrowsCountsAsAFailedExport() {
    SpanExporter throwing =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            throw new IllegalStateException("broken");
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };

    CompletableResultCode result = new HealthTrackingSpanExporter(throwing, health).export(spans(2));

    assertThat(result.isSuccess()).isFalse();
    assertThat(health.failedExports()).isEqualTo(1);
    assertThat(health.lastError()).isEqualTo("request failed (java.lang.IllegalStateException: broken)");
  }

  @Test
  void shutdownReachesTheRealExporter() {
    new HealthTrackingSpanExporter(delegate, health).shutdown();

    assertThat(shutDown).isTrue();
  }
}
