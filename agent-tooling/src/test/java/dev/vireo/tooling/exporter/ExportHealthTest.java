package dev.vireo.tooling.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportHealthTest {

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private ExportHealth health;

  @BeforeEach
  void setUp() {
    VireoLog.configure(false, true);
    VireoLog.redirect(new PrintStream(logged, true));
    health =
        new ExportHealth(
            "otlp http/protobuf http://collector:4318/v1/traces",
            2048,
            () -> new SpanQueueMetricReader.Snapshot(dropped.get(), queued.get()),
            now::get,
            ExportHealth.REMINDER_INTERVAL_NANOS);
  }

  @AfterEach
  void tearDown() {
    VireoLog.redirect(System.err);
  }

  private List<String> lines() {
    return Arrays.stream(new String(logged.toByteArray(), StandardCharsets.UTF_8).split("\n"))
        .filter(line -> !line.isEmpty())
        .collect(Collectors.toList());
  }

  private void advanceSeconds(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void successfulExportsAreCountedSilently() {
    health.exportSucceeded(512);
    health.exportSucceeded(3);

    assertThat(health.spansExported()).isEqualTo(515);
    assertThat(health.isHealthy()).isTrue();
    assertThat(health.lastError()).isEmpty();
    assertThat(lines()).isEmpty();
  }

  @Test
  void oneWarningPerOutageWithEndpointAndCause() {
    for (int i = 0; i < 50; i++) {
      health.exportFailed(10, new ConnectException("Failed to connect to collector/10.0.0.1:4318"));
      advanceSeconds(1);
    }

    List<String> lines = lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("] [vireo] WARN span export to otlp http/protobuf http://collector:4318/v1/traces is failing:")
        .contains("connection refused (java.net.ConnectException: Failed to connect to collector/10.0.0.1:4318)")
        .contains("queue of at most 2048");
    assertThat(health.isHealthy()).isFalse();
    assertThat(health.failedExports()).isEqualTo(50);
    assertThat(health.spansFailed()).isEqualTo(500);
    assertThat(health.lastError()).startsWith("connection refused");
  }

  @Test
  void remindsAtMostOnceAMinuteWhileFailing() {
    health.exportFailed(1, new ConnectException("refused"));
    advanceSeconds(59);
    health.exportFailed(1, new ConnectException("refused"));
    assertThat(lines()).hasSize(1);

    dropped.set(300);
    advanceSeconds(1);
    health.exportFailed(1, new ConnectException("refused"));
    advanceSeconds(30);
    health.exportFailed(1, new ConnectException("refused"));

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains("WARN span export to otlp http/protobuf http://collector:4318/v1/traces still failing after 1 min 0 s")
        .contains("so far 300 spans dropped because the queue was full, 3 spans in 3 failed exports");
  }

  @Test
  void recoveryIsReportedOnceWithWhatWasLostDuringTheOutage() {
    dropped.set(7);
    health.exportSucceeded(1); // drops before the last success are not part of the outage
    dropped.set(9); // the queue overflows while the first failing export is still retrying: part of it
    health.exportFailed(100, new ConnectException("refused"));
    health.exportFailed(50, new ConnectException("refused"));
    dropped.set(7 + 1234);
    advanceSeconds(42);

    health.exportSucceeded(20);
    health.exportSucceeded(20);

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains("] [vireo] INFO span export to otlp http/protobuf http://collector:4318/v1/traces recovered after 42.0 s;")
        .contains("lost meanwhile: 1234 spans dropped because the queue was full, 150 spans in 2 failed exports");
    assertThat(health.isHealthy()).isTrue();
    assertThat(health.spansExported()).isEqualTo(41);
    assertThat(health.lastError()).startsWith("connection refused");
  }

  @Test
  void aSecondOutageIsReportedAgainAndCountsOnlyItsOwnLosses() {
    health.exportFailed(10, new ConnectException("refused"));
    health.exportSucceeded(1);
    advanceSeconds(5);
    health.exportFailed(4, new ConnectException("refused"));
    advanceSeconds(2);
    health.exportSucceeded(1);

    List<String> lines = lines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).contains("WARN span export to").contains("is failing");
    assertThat(lines.get(3)).contains("recovered after 2.0 s").contains("0 spans dropped because the queue was full, 4 spans in 1 failed exports");
  }

  @Test
  void healthyExportsLookForDropsAtMostOncePerInterval() {
    AtomicInteger reads = new AtomicInteger();
    ExportHealth counting =
        new ExportHealth(
            "otlp http/protobuf http://collector:4318/v1/traces",
            2048,
            () -> {
              reads.incrementAndGet();
              return new SpanQueueMetricReader.Snapshot(dropped.get(), queued.get());
            },
            now::get,
            ExportHealth.REMINDER_INTERVAL_NANOS);
    for (int i = 0; i < 10; i++) {
      counting.exportSucceeded(512);
    }
    assertThat(reads).hasValue(1);
    advanceSeconds(5);
    dropped.set(40);
    counting.exportSucceeded(512); // finds new drops
    counting.exportSucceeded(512); // dropping: looks again, finds nothing new
    assertThat(reads).hasValue(3);
    counting.exportSucceeded(512);
    assertThat(reads).hasValue(3);
    assertThat(counting.spansExported()).isEqualTo(13 * 512);
  }

  @Test
  void queueFiguresComeFromTheProcessor() {
    dropped.set(12);
    queued.set(34);

    assertThat(health.spansDropped()).isEqualTo(12);
    assertThat(health.queueSize()).isEqualTo(34);
    assertThat(health.maxQueueSize()).isEqualTo(2048);
  }

  @Test
  void durationsReadNaturally() {
    assertThat(ExportHealth.duration(TimeUnit.MILLISECONDS.toNanos(1530))).isEqualTo("1.5 s");
    assertThat(ExportHealth.duration(TimeUnit.SECONDS.toNanos(125))).isEqualTo("2 min 5 s");
  }

  @Test
  void sustainedQueueFullDropsAreAnOutage() {
    // issue 25, item 3: a slow collector accepts every export while most spans are dropped at the queue
    health.exportSucceeded(512);
    for (int i = 0; i < 3; i++) { // a burst: drops for 10 s, then the exporter keeps up again
      dropped.addAndGet(100);
      advanceSeconds(5);
      health.exportSucceeded(512);
    }
    advanceSeconds(5);
    health.exportSucceeded(512);
    assertThat(health.isHealthy()).isTrue();
    assertThat(lines()).isEmpty();

    for (int i = 0; i < 7; i++) { // 30 s during which every export finds new drops
      dropped.addAndGet(1_000);
      advanceSeconds(5);
      health.exportSucceeded(512);
    }
    assertThat(health.isHealthy()).isFalse();
    assertThat(health.lastError()).startsWith("queue full: 7000 spans dropped in 30.0 s");
    assertThat(lines()).hasSize(1);
    assertThat(lines().get(0))
        .contains("WARN span export to otlp http/protobuf http://collector:4318/v1/traces is losing spans: queue full");

    for (int i = 0; i < 20; i++) { // 100 s more of slow exports: one reminder
      dropped.addAndGet(1_000);
      advanceSeconds(5);
      health.exportSucceeded(512);
    }
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(1)).contains("WARN span export to").contains("still failing after").contains("queue full");

    advanceSeconds(5);
    health.exportSucceeded(512); // kept up: nothing dropped since the previous export
    assertThat(health.isHealthy()).isTrue();
    assertThat(lines()).hasSize(3);
    assertThat(lines().get(2)).contains("INFO span export to").contains("recovered after 1 min 45 s")
        .contains("lost meanwhile: 27000 spans dropped because the queue was full");
  }

  @Test
  void theCollectorIsKnownUnreachableOnlyWhileConnectionsFail() {
    assertThat(health.isCollectorUnreachable()).isFalse();
    health.exportFailed(10, new java.net.SocketTimeoutException("timeout"));
    assertThat(health.isCollectorUnreachable()).isFalse();
    health.exportFailed(10, new ConnectException("Connection refused"));
    assertThat(health.isCollectorUnreachable()).isTrue();
    health.exportSucceeded(10);
    assertThat(health.isCollectorUnreachable()).isFalse();
  }
}
