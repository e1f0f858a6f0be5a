package dev.vireo.smoke.health;

import static dev.vireo.smoke.health.CollectorDownSmokeTest.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The collector comes up while the application runs: export resumes and the books balance. */
class CollectorRecoverySmokeTest {

  private static final Pattern RECOVERY =
      Pattern.compile("lost meanwhile: (\\d+) spans dropped because the queue was full, (\\d+) spans in (\\d+) failed exports");

  @Test
  void exportResumesAndTheRecoveryReportMatchesTheCounters() {
    try (OtlpReceiver receiver = OtlpReceiver.open()) {
      receiver.stop(); // down from the start; same port when it comes back
      try (LoadAppProcess app =
          LoadAppProcess.start(
              receiver.httpEndpoint(),
              Map.of("otel.bsp.max.queue.size", "100", "otel.exporter.otlp.timeout", "1000"))) {
        app.load(500, "/during-outage");
        app.jvm().awaitOutput("[vireo] WARN span export to", Duration.ofSeconds(30));

        receiver.start();
        String recovery = app.jvm().awaitOutput("[vireo] INFO span export to", Duration.ofSeconds(30));
        app.load(50, "/after-recovery");

        List<ReceivedSpan> after =
            receiver.awaitSpans(spans -> afterRecovery(spans) == 50, Duration.ofSeconds(30)).stream()
                .filter(CollectorRecoverySmokeTest::isAfterRecovery)
                .toList();
        assertThat(after).hasSize(50).allMatch(span -> span.kind().equals("CLIENT"));

        // settled: every span of both loads has its outcome (exported, dropped or failed): the books balance
        Map<String, String> stats =
            app.awaitStats(
                s -> n(s, "queue") == 0 && n(s, "exported") + n(s, "dropped") + n(s, "failed") == 550,
                Duration.ofSeconds(30));
        int received = receiver.spans().size();
        System.out.println("after recovery: " + stats + "; receiver got " + received + "; " + recovery);

        assertThat(stats.get("healthy")).isEqualTo("true");
        assertThat(n(stats, "exported")).isGreaterThanOrEqualTo(50);
        // everything counted as exported arrived; more may have: an export that reached the collector just as it
        // came up, but whose answer came after the 1 s timeout, counts as failed on our side
        assertThat((long) received).isBetween(n(stats, "exported"), n(stats, "exported") + n(stats, "failed"));
        assertThat(n(stats, "dropped")).isPositive();
        assertThat(recovery).contains("recovered after");
        Matcher matcher = RECOVERY.matcher(recovery);
        assertThat(matcher.find()).as(recovery).isTrue();
        // all losses happened during the outage, so the recovery line reports all of them
        assertThat(Long.parseLong(matcher.group(1))).isEqualTo(n(stats, "dropped"));
        assertThat(Long.parseLong(matcher.group(2))).isEqualTo(n(stats, "failed"));
        assertThat(Long.parseLong(matcher.group(3))).isEqualTo(n(stats, "failedExports"));
        assertThat(app.agentLog("WARN")).hasSize(1);
        assertThat(app.agentLog("INFO").stream().filter(line -> line.contains("recovered"))).hasSize(1);
      }
    }
  }

  private static long afterRecovery(List<ReceivedSpan> spans) {
    return spans.stream().filter(CollectorRecoverySmokeTest::isAfterRecovery).count();
  }

  private static boolean isAfterRecovery(ReceivedSpan span) {
    Object url = span.attribute("url.full");
    return url != null && url.toString().endsWith("/after-recovery");
  }
}
