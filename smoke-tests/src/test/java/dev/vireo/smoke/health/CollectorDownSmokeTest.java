package dev.vireo.smoke.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.health.LoadAppProcess.LoadResult;
import dev.vireo.testing.otlp.OtlpReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** A collector that is down from the start must cost the application nothing but the lost spans. */
class CollectorDownSmokeTest {

  private static final int WARMUP = 2_000;
  private static final int ROUNDS = 5;
  private static final int PER_ROUND = 1_000;
  private static final int TOTAL = WARMUP + ROUNDS * PER_ROUND;
  private static final int MAX_QUEUE = 512;

  private static final Map<String, String> UP_SETTINGS = Map.of("otel.bsp.max.queue.size", String.valueOf(MAX_QUEUE));

  private static final Map<String, String> DOWN_SETTINGS =
      Map.of(
          "otel.bsp.max.queue.size", String.valueOf(MAX_QUEUE),
          // each failed export gives up after 1 s (retries included): many failed batches within the test; the
          // healthy side keeps the default timeout, so a slow moment of a busy machine cannot fail an export there
          "otel.exporter.otlp.timeout", "1000");

  @Test
  void sameLatencyBoundedMemoryAndExactlyOneWarning() {
    String deadEndpoint = ClosedPort.endpoint();
    try (OtlpReceiver receiver = OtlpReceiver.open();
        LoadAppProcess up = LoadAppProcess.start(receiver.httpEndpoint(), UP_SETTINGS);
        LoadAppProcess down = LoadAppProcess.start(deadEndpoint, DOWN_SETTINGS)) {
      up.load(WARMUP, "/warmup");
      down.load(WARMUP, "/warmup");
      // Both JVMs run side by side and take turns, so a busy moment on the machine hits both alike.
      List<LoadResult> upRounds = new ArrayList<>();
      List<LoadResult> downRounds = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        upRounds.add(up.load(PER_ROUND, "/measured"));
        downRounds.add(down.load(PER_ROUND, "/measured"));
      }

      // with the collector up, spans are only dropped when the burst outruns the queue
      Map<String, String> upStats =
          up.awaitStats(s -> n(s, "queue") == 0 && n(s, "exported") + n(s, "dropped") == TOTAL, Duration.ofSeconds(60));
      down.jvm().awaitOutput("[vireo] WARN span export to", Duration.ofSeconds(30));
      // several batches must have failed for "exactly one WARN" to mean something
      Map<String, String> downStats = down.awaitStats(s -> n(s, "failedExports") >= 3, Duration.ofSeconds(30));
      long upHeap = up.heapUsedBytes();
      long downHeap = down.heapUsedBytes();
      long upP50 = median(upRounds, LoadResult::p50);
      long upP99 = median(upRounds, LoadResult::p99);
      long downP50 = median(downRounds, LoadResult::p50);
      long downP99 = median(downRounds, LoadResult::p99);
      System.out.printf(
          "collector up:   p50 %d us, p99 %d us, heap %d KiB, %s%ncollector down: p50 %d us, p99 %d us, heap %d KiB, %s%n",
          upP50, upP99, upHeap / 1024, upStats, downP50, downP99, downHeap / 1024, downStats);

      assertThat(up.agentLog("WARN")).isEmpty();
      assertThat(receiver.spans()).hasSize((int) n(upStats, "exported"));
      assertThat(upStats.get("healthy")).isEqualTo("true");

      List<String> warnings = down.agentLog("WARN");
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0))
          .contains("span export to otlp http/protobuf " + deadEndpoint + "/v1/traces is failing: ")
          // connection refused, or the export timeout running out while retrying it
          .containsAnyOf("connection refused", "timed out");
      assertThat(down.jvm().output())
          .noneMatch(line -> line.contains("Failed to export") || line.contains("BatchSpanProcessor dropped"));
      assertThat(downStats.get("healthy")).isEqualTo("false");
      assertThat(n(downStats, "exported")).isZero();
      assertThat(n(downStats, "queue")).isBetween(0L, (long) MAX_QUEUE);
      // every span is dropped at the queue, lost in a failed export, waiting in the queue, or in the one batch
      // being exported right now (at most otel.bsp.max.export.batch.size = 512)
      long accounted = n(downStats, "dropped") + n(downStats, "failed") + n(downStats, "queue");
      assertThat(accounted).isBetween(TOTAL - 512L, (long) TOTAL);
      // the queue bound, not the traffic, decides what is held: the overflow is dropped, and each failed export
      // lost at most one batch (how many batches fail depends on how fast the machine runs the load)
      assertThat(n(downStats, "dropped")).isPositive();
      assertThat(n(downStats, "failed")).isLessThanOrEqualTo(512L * n(downStats, "failedExports"));

      // Regression guards with generous bounds (a shared, busy machine); the real figures belong in a benchmark.
      assertThat(downP50).isLessThanOrEqualTo(3 * upP50 + 100);
      assertThat(downP99).isLessThanOrEqualTo(5 * upP99 + 1_000);
      // a dead collector must not make the agent hold on to spans: bounded by the queue, not by the traffic
      assertThat(downHeap).isLessThan(upHeap + 16L * 1024 * 1024);
    }
  }

  private static long median(List<LoadResult> rounds, ToLongFunction<LoadResult> figure) {
    return rounds.stream().mapToLong(figure).sorted().skip(rounds.size() / 2).findFirst().orElseThrow();
  }

  @Test
  void exitWithTheCollectorDownStaysWithinTheShutdownBound() {
    try (LoadAppProcess app =
        LoadAppProcess.start(
            ClosedPort.endpoint(),
            // default export timeout (10 s of retries): without the bound the final flush would hold the JVM that long
            Map.of("otel.javaagent.shutdown.timeout", "2000"))) {
      app.load(300, "/before-exit");
      app.stats(); // the SDK is built and a batch is on its way to the dead collector
      app.exit();
      long exitRequested = System.nanoTime();
      app.jvm().waitFor(Duration.ofSeconds(30));
      long exitMillis = (System.nanoTime() - exitRequested) / 1_000_000;
      System.out.println("JVM exit with the collector down took " + exitMillis + " ms (bound 2000 ms)");

      assertThat(exitMillis).isLessThan(2000 + 2500);
      assertThat(app.agentLog("WARN"))
          .anyMatch(line -> line.contains("span export did not finish within 2000 ms (otel.javaagent.shutdown.timeout) at exit"));
    }
  }

  static long n(Map<String, String> stats, String key) {
    return Long.parseLong(stats.get(key));
  }
}
