package dev.vireo.instrumentation.api.semconv.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.logs.Severity;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogSeveritiesTest {

  @Test
  void sharedLevelNames() {
    assertThat(LogSeverities.ofName("TRACE")).isEqualTo(Severity.TRACE);
    assertThat(LogSeverities.ofName("DEBUG")).isEqualTo(Severity.DEBUG);
    assertThat(LogSeverities.ofName("INFO")).isEqualTo(Severity.INFO);
    assertThat(LogSeverities.ofName("WARN")).isEqualTo(Severity.WARN);
    assertThat(LogSeverities.ofName("ERROR")).isEqualTo(Severity.ERROR);
    assertThat(LogSeverities.ofName("FATAL")).isEqualTo(Severity.FATAL);
    assertThat(LogSeverities.ofName("NOTICE")).isNull();
    assertThat(LogSeverities.ofName(null)).isNull();
  }

  @Test
  void javaUtilLoggingLevels() {
    assertThat(LogSeverities.ofJulLevel(Level.SEVERE.intValue())).isEqualTo(Severity.ERROR);
    assertThat(LogSeverities.ofJulLevel(Level.WARNING.intValue())).isEqualTo(Severity.WARN);
    assertThat(LogSeverities.ofJulLevel(Level.INFO.intValue())).isEqualTo(Severity.INFO);
    assertThat(LogSeverities.ofJulLevel(Level.CONFIG.intValue())).isEqualTo(Severity.DEBUG4);
    assertThat(LogSeverities.ofJulLevel(Level.FINE.intValue())).isEqualTo(Severity.DEBUG);
    assertThat(LogSeverities.ofJulLevel(Level.FINER.intValue())).isEqualTo(Severity.TRACE4);
    assertThat(LogSeverities.ofJulLevel(Level.FINEST.intValue())).isEqualTo(Severity.TRACE);
    // JBoss Logging's FATAL (org.jboss.logging.JDKLevel), and a custom level just below it
    assertThat(LogSeverities.ofJulLevel(1100)).isEqualTo(Severity.FATAL);
    assertThat(LogSeverities.ofJulLevel(1099)).isEqualTo(Severity.ERROR);
    // a custom level between WARNING and SEVERE
    assertThat(LogSeverities.ofJulLevel(950)).isEqualTo(Severity.WARN);
  }
}
