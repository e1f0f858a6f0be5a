package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.InstrumentationConfig;

/**
 * Whether literals in {@code db.query.text} (and in what a database echoes into an exception
 * message) are replaced by {@code ?}: on unless {@code
 * otel.instrumentation.common.db.query-sanitization.enabled=false} or the older {@code
 * otel.instrumentation.common.db-statement-sanitizer.enabled=false} says otherwise.
 *
 * <p>Parameterized statements (a JDBC PreparedStatement) are sanitized too by default: a literal
 * written inline next to a {@code ?} is what sanitization exists for. The stable conventions'
 * advice, parameterized text as written, is {@code
 * otel.instrumentation.common.db.query-sanitization.parameterized.enabled=false}.
 */
public final class DbQuerySanitization {

  private DbQuerySanitization() {}

  public static boolean isEnabled() {
    return isEnabled(InstrumentationConfig.get());
  }

  /** Whether the text of parameterized statements is sanitized (on by default, off with sanitization). */
  public static boolean isEnabledForParameterized() {
    return isEnabledForParameterized(InstrumentationConfig.get());
  }

  static boolean isEnabledForParameterized(InstrumentationConfig config) {
    return isEnabled(config)
        && config.getBoolean("otel.instrumentation.common.db.query-sanitization.parameterized.enabled", true);
  }

  static boolean isEnabled(InstrumentationConfig config) {
    return config.getBoolean("otel.instrumentation.common.db.query-sanitization.enabled", true)
        && config.getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true);
  }
}
