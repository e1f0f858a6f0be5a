package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.InstrumentationConfig;

/**
 * Whether literals in {@code db.query.text} are replaced by {@code ?}: on unless {@code
 * otel.instrumentation.common.db.query-sanitization.enabled=false} or the older {@code
 * otel.instrumentation.common.db-statement-sanitizer.enabled=false} says otherwise.
 */
public final class DbQuerySanitization {

  private DbQuerySanitization() {}

  public static boolean isEnabled() {
    return isEnabled(InstrumentationConfig.get());
  }

  static boolean isEnabled(InstrumentationConfig config) {
    return config.getBoolean("otel.instrumentation.common.db.query-sanitization.enabled", true)
        && config.getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true);
  }
}
