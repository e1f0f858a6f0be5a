package dev.vireo.tooling.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.CircuitBreakerState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final long SECOND = 1_000_000_000L;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void captureLog() {
    VireoLog.configure(false, true);
    VireoLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    CircuitBreakerState.setOpen(false);
  }

  @AfterEach
  void restore() {
    VireoLog.redirect(System.err);
    CircuitBreakerState.setOpen(false);
  }

  private List<String> lines() {
    return Arrays.stream(log.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> !line.isEmpty())
        .collect(Collectors.toList());
  }

  @Test
  void opensOnceWhenTheHeapIsFullAfterGcAndClosesOnceWellBelow() {
    CircuitBreaker breaker = new CircuitBreaker(0.9, 0.5, 10_000);
    breaker.update(0.50, 0, 0);
    assertThat(CircuitBreakerState.isOpen()).isFalse();
    breaker.update(0.93, 10, SECOND);
    assertThat(CircuitBreakerState.isOpen()).isTrue();
    assertThat(CircuitBreaker.reason()).isEqualTo("heap 93% full after garbage collection (threshold 90%)");
    breaker.update(0.95, 20, 2 * SECOND);
    breaker.update(0.85, 30, 3 * SECOND); // below the threshold, not 10 points below: stays open
    assertThat(CircuitBreakerState.isOpen()).isTrue();
    breaker.update(0.60, 40, 4 * SECOND);
    assertThat(CircuitBreakerState.isOpen()).isFalse();

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains("[vireo] WARN circuit breaker open: heap 93% full after garbage collection (threshold 90%)."
            + " Vireo starts no spans until the pressure passes (context still propagates)");
    assertThat(lines.get(1))
        .contains("[vireo] INFO circuit breaker closed: heap 60% full after garbage collection,"
            + " garbage collection 1% of the time; spans start again");
  }

  @Test
  void opensWhenGcTakesTooMuchOfTheWindow() {
    CircuitBreaker breaker = new CircuitBreaker(0.95, 0.5, 10_000);
    long gcMillis = 0;
    for (int second = 0; second <= 6; second++) {
      breaker.update(0.5, gcMillis, second * SECOND);
      gcMillis += 700; // 70% of each second
    }
    assertThat(CircuitBreakerState.isOpen()).isTrue();
    assertThat(CircuitBreaker.reason())
        .isEqualTo("garbage collection took 70% of the time over the last 10 s (threshold 50%)");
    for (int second = 7; second <= 20; second++) {
      breaker.update(0.5, gcMillis, second * SECOND); // no more GC: the window slides past the busy seconds
    }
    assertThat(CircuitBreakerState.isOpen()).isFalse();
    assertThat(lines()).hasSize(2);
  }

  @Test
  void aShortBurstOfGcAtStartIsNoReason() {
    CircuitBreaker breaker = new CircuitBreaker(0.95, 0.5, 10_000);
    breaker.update(0.2, 0, 0);
    breaker.update(0.2, 900, SECOND); // 90% over the first second only
    assertThat(CircuitBreakerState.isOpen()).isFalse();
    assertThat(lines()).isEmpty();
  }
}
