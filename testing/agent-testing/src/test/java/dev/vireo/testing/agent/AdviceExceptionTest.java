package dev.vireo.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.bootstrap.AdviceErrors;
import dev.vireo.bootstrap.VireoLog;
import dev.vireo.testlib.Fragile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Throwables from advice never reach the application; the operator is told once per module. */
@ExtendWith(AgentTestingExtension.class)
class AdviceExceptionTest {

  @Test
  void adviceThatThrowsLeavesTheApplicationUntouched() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    VireoLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      Fragile fragile = new Fragile();
      for (int i = 0; i < 5; i++) {
        assertThat(fragile.twice(21)).isEqualTo(42);
      }
      // the library's own exception still arrives, unchanged
      assertThatThrownBy(fragile::failing)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the library's own exception");
    } finally {
      VireoLog.redirect(System.err);
    }
    assertThat(AdviceErrors.hasFailed("test-fragile")).isTrue();
    String output = log.toString(StandardCharsets.UTF_8);
    assertThat(output.lines().filter(line -> line.contains("WARN") && line.contains("'test-fragile'")))
        .hasSize(1);
    assertThat(output).contains("bug in enter advice");
  }
}
