package dev.vireo.instrumentation.api.semconv.logs;

import io.opentelemetry.api.logs.Severity;

/** Severity numbers of the usual level scales, so every module maps levels alike. */
public final class LogSeverities {

  private LogSeverities() {}

  /**
   * For the TRACE/DEBUG/INFO/WARN/ERROR/FATAL names shared by Logback, Log4j and SLF4J; null for any other
   * name (a custom level).
   */
  public static Severity ofName(String level) {
    if (level == null) {
      return null;
    }
    switch (level) {
      case "TRACE":
        return Severity.TRACE;
      case "DEBUG":
        return Severity.DEBUG;
      case "INFO":
        return Severity.INFO;
      case "WARN":
        return Severity.WARN;
      case "ERROR":
        return Severity.ERROR;
      case "FATAL":
        return Severity.FATAL;
      default:
        return null;
    }
  }

  /**
   * java.util.logging's scale by its int values (so custom levels fall between): FATAL (1100, the level JBoss
   * Logging and JBoss LogManager add above SEVERE) FATAL, SEVERE ERROR, WARNING WARN, INFO INFO, CONFIG DEBUG4,
   * FINE DEBUG, FINER TRACE4, FINEST TRACE.
   */
  public static Severity ofJulLevel(int level) {
    if (level >= 1100) {
      return Severity.FATAL;
    } else if (level >= 1000) {
      return Severity.ERROR;
    } else if (level >= 900) {
      return Severity.WARN;
    } else if (level >= 800) {
      return Severity.INFO;
    } else if (level >= 700) {
      return Severity.DEBUG4;
    } else if (level >= 500) {
      return Severity.DEBUG;
    } else if (level >= 400) {
      return Severity.TRACE4;
    } else if (level >= 300) {
      return Severity.TRACE;
    }
    return Severity.UNDEFINED_SEVERITY_NUMBER;
  }
}
