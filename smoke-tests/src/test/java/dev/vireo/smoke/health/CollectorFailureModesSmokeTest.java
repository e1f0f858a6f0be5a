package dev.vireo.smoke.health;

import static dev.vireo.smoke.health.CollectorDownSmokeTest.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.health.LoadAppProcess.LoadResult;
import dev.vireo.testing.otlp.ExportBehaviour;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.Protocol;
import dev.vireo.testing.otlp.Signal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Collectors that answer badly: never, "try again later", "your request is wrong". */
class CollectorFailureModesSmokeTest {

  /**
   * The tests below count export requests, so the ten spans of one load must leave as one batch: the batch fills at
   * ten spans and is sent at once, and the timer never cuts a slow load (a busy CI machine) into two.
   */
  private static final Map<String, String> ONE_BATCH_OF_TEN =
      Map.of("otel.bsp.max.export.batch.size", "10", "otel.bsp.schedule.delay", "60000");

  @Test
  void collectorThatNeverAnswersTimesOutWithoutSlowingTheApplication() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.setBehaviour(ExportBehaviour.hang());
      try (LoadAppProcess app =
          LoadAppProcess.start(receiver.httpEndpoint(), Map.of("otel.exporter.otlp.timeout", "1000"))) {
        app.load(200, "/warmup");
        String warning = app.jvm().awaitOutput("[vireo] WARN span export to", Duration.ofSeconds(30));
        LoadResult latency = app.load(1000, "/while-hanging");
        Map<String, String> stats = app.awaitStats(s -> n(s, "failedExports") >= 2, Duration.ofSeconds(30));
        System.out.println("hanging collector: " + latency + " " + stats);

        assertThat(warning).contains("is failing: timed out");
        assertThat(stats.get("healthy")).isEqualTo("false");
        assertThat(stats.get("lastError")).startsWith("timed out");
        assertThat(n(stats, "exported")).isZero();
        assertThat(receiver.spans()).isEmpty();
        assertThat(receiver.requestCount(Protocol.HTTP, Signal.TRACES)).isGreaterThanOrEqualTo(2);
        // the export thread waits on the dead connection, the application's threads do not
        assertThat(latency.p99()).isLessThan(200_000);
        assertThat(app.agentLog("WARN")).hasSize(1);
      }
    }
  }

  @Test
  void unavailableWithRetryAfterIsRetriedAfterTheAdvertisedDelay() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.setBehaviourForNext(1, ExportBehaviour.unavailable(Duration.ofSeconds(3)));
      try (LoadAppProcess app = LoadAppProcess.start(receiver.httpEndpoint(), ONE_BATCH_OF_TEN)) {
        app.load(10, "/retried");
        receiver.awaitRequests(Protocol.HTTP, 1, Duration.ofSeconds(30));
        long firstAttempt = System.nanoTime();
        receiver.awaitSpanCount(10, Duration.ofSeconds(30));
        long retryMillis = (System.nanoTime() - firstAttempt) / 1_000_000;
        Map<String, String> stats = app.awaitStats(s -> n(s, "exported") == 10, Duration.ofSeconds(10));
        System.out.println("503 + Retry-After: 3 -> retried after " + retryMillis + " ms; " + stats);

        // without Retry-After the first backoff is 1 s +-20 %: waiting ~3 s proves the header was honoured
        assertThat(retryMillis).isBetween(2_700L, 6_000L);
        assertThat(receiver.requestCount(Protocol.HTTP, Signal.TRACES)).isEqualTo(2);
        assertThat(n(stats, "failedExports")).isZero();
        assertThat(stats.get("healthy")).isEqualTo("true");
        // a retry that succeeds is not an outage
        assertThat(app.agentLog("WARN")).isEmpty();
      }
    }
  }

  @Test
  void unavailableUntilTheRetriesRunOutIsOneFailure() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.setBehaviour(ExportBehaviour.unavailable(Duration.ofSeconds(1)));
      // default otel.exporter.otlp.timeout (10 s): room for all 5 attempts, 1 s (Retry-After) apart
      try (LoadAppProcess app = LoadAppProcess.start(receiver.httpEndpoint(), ONE_BATCH_OF_TEN)) {
        app.load(10, "/unavailable");
        String warning = app.jvm().awaitOutput("[vireo] WARN span export to", Duration.ofSeconds(30));
        Map<String, String> stats = app.awaitStats(s -> n(s, "failedExports") == 1, Duration.ofSeconds(10));
        int failedBatchRequests = afterAMarkerBatch(receiver, app);
        System.out.println("503 every time: " + failedBatchRequests + " requests; " + stats);

        assertThat(warning).contains("is failing: HTTP 503").contains("(retryable; retries exhausted)");
        assertThat(failedBatchRequests).isEqualTo(5);
        assertThat(n(stats, "failed")).isEqualTo(10);
      }
    }
  }

  @Test
  void badRequestIsNotRetried() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.setBehaviour(ExportBehaviour.badRequest());
      try (LoadAppProcess app = LoadAppProcess.start(receiver.httpEndpoint(), ONE_BATCH_OF_TEN)) {
        app.load(10, "/rejected");
        String warning = app.jvm().awaitOutput("[vireo] WARN span export to", Duration.ofSeconds(30));
        Map<String, String> stats = app.awaitStats(s -> n(s, "failedExports") == 1, Duration.ofSeconds(10));
        int failedBatchRequests = afterAMarkerBatch(receiver, app);

        assertThat(warning).contains("is failing: HTTP 400").contains("(not retryable)");
        assertThat(failedBatchRequests).isEqualTo(1);
        assertThat(n(app.stats(), "failedExports")).isEqualTo(1);
        assertThat(n(stats, "failed")).isEqualTo(10);
        assertThat(n(stats, "exported")).isZero();
      }
    }
  }

  /**
   * The requests the failed batch cost, proven complete by a positive signal rather than a wait: the
   * collector recovers and a second batch is sent. The exporter sends one batch at a time, retries
   * included, so once the second batch arrived no attempt for the first can follow.
   */
  private static int afterAMarkerBatch(OtlpReceiver receiver, LoadAppProcess app) {
    receiver.setBehaviour(ExportBehaviour.ok());
    app.load(10, "/marker");
    app.awaitStats(s -> n(s, "exported") == 10, Duration.ofSeconds(30));
    return receiver.requestCount(Protocol.HTTP, Signal.TRACES) - 1;
  }
}
