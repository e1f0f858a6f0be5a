package dev.vireo.smoke.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.ExportBehaviour;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.Protocol;
import dev.vireo.testing.otlp.Signal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 1 and 2: how long JVM exit takes when the collector misbehaves, with traces and metrics both
 * exporting to it (the default). The bound ({@code otel.javaagent.shutdown.timeout}) holds for all signals
 * together; a collector known to be down (connections refused) costs one short last attempt, not the bound.
 */
class ExitTimeSmokeTest {

  /**
   * Room for the JVM's own teardown after the shutdown hooks on a busy shared machine: 1 s was exceeded once with
   * the machine's load average at 14 (2,958 ms against a 1 s bound). Without the bound exits took 5 to 10 s.
   */
  private static final long TEARDOWN_ALLOWANCE_MILLIS = 2_000;

  @Test
  void blackHoledCollectorKeepsTheBoundWithMetricsOn() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.setBehaviour(ExportBehaviour.hang());
      long millis = exitMillis(receiver, "black-holed", 1_000);
      // before: 8.1 s with a 1 s bound (the metric reader's shutdown ran outside the bounded wait)
      assertThat(millis).isLessThan(1_000 + TEARDOWN_ALLOWANCE_MILLIS);
    }
  }

  @Test
  void unavailableWithRetryAfterKeepsTheBoundWithMetricsOn() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.setBehaviour(ExportBehaviour.unavailable(Duration.ofSeconds(2)));
      long millis = exitMillis(receiver, "503 + Retry-After: 2", 2_000);
      // before: 10.2-10.5 s with the default 5 s bound
      assertThat(millis).isLessThan(2_000 + TEARDOWN_ALLOWANCE_MILLIS);
    }
  }

  @Test
  void collectorKnownDownExitsAtOnceWhateverTheBound() {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.metrics.exporter", "otlp");
    settings.put("otel.javaagent.shutdown.timeout", "5s");
    try (LoadAppProcess app = LoadAppProcess.start(ClosedPort.endpoint(), settings)) {
      app.load(100, "/before-exit");
      // every export so far failed to connect (after the exporter's own retries)
      app.jvm().awaitOutput("[vireo] WARN span export to", Duration.ofSeconds(60));
      app.load(100, "/queued-at-exit");
      long millis = measureExit(app);
      System.out.println("exit with the collector down (connection refused), bound 5000 ms: " + millis + " ms");

      // before: the whole 5 s bound, although nothing could have been sent
      assertThat(millis).isLessThan(500 + TEARDOWN_ALLOWANCE_MILLIS);
      assertThat(app.agentLog("WARN"))
          .anyMatch(line -> line.contains("span export did not finish within 500 ms (the collector is unreachable)"));
    }
  }

  /** Starts the app against {@code receiver}, loads it, waits until an export is stuck, exits; prints the time. */
  private static long exitMillis(OtlpReceiver receiver, String mode, long boundMillis) {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.metrics.exporter", "otlp");
    settings.put("otel.metric.export.interval", "1s");
    settings.put("otel.javaagent.shutdown.timeout", boundMillis + "ms");
    try (LoadAppProcess app = LoadAppProcess.start(receiver.httpEndpoint(), settings)) {
      app.load(300, "/before-exit");
      // both signals have an export in flight against the misbehaving collector
      receiver.awaitRequests(Protocol.HTTP, 1, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (receiver.requestCount(Protocol.HTTP, Signal.METRICS) == 0 && System.nanoTime() < deadline) {
        sleep(50);
      }
      assertThat(receiver.requestCount(Protocol.HTTP, Signal.METRICS)).isPositive();
      app.load(100, "/queued-at-exit");
      long millis = measureExit(app);
      System.out.println("exit with a " + mode + " collector, bound " + boundMillis + " ms: " + millis + " ms");
      assertThat(app.agentLog("WARN"))
          .anyMatch(line -> line.contains("span export did not finish within " + boundMillis + " ms"));
      return millis;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static long measureExit(LoadAppProcess app) {
    app.exit();
    long exitRequested = System.nanoTime();
    app.jvm().waitFor(Duration.ofSeconds(60));
    return (System.nanoTime() - exitRequested) / 1_000_000;
  }
}
