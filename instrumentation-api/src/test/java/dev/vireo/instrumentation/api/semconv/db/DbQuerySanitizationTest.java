package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbQuerySanitizationTest {

  private static InstrumentationConfig config(String... keyValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return new InstrumentationConfig() {
      @Override
      public String getString(String key) {
        return values.get(key);
      }
    };
  }

  @Test
  void onByDefault() {
    assertThat(DbQuerySanitization.isEnabled(config())).isTrue();
  }

  @Test
  void currentPropertyTurnsItOff() {
    assertThat(
            DbQuerySanitization.isEnabled(
                config("otel.instrumentation.common.db.query-sanitization.enabled", "false")))
        .isFalse();
  }

  @Test
  void olderPropertyTurnsItOff() {
    assertThat(
            DbQuerySanitization.isEnabled(
                config("otel.instrumentation.common.db-statement-sanitizer.enabled", "false")))
        .isFalse();
  }

  @Test
  void explicitTrueKeepsItOn() {
    assertThat(
            DbQuerySanitization.isEnabled(
                config(
                    "otel.instrumentation.common.db.query-sanitization.enabled", "true",
                    "otel.instrumentation.common.db-statement-sanitizer.enabled", "true")))
        .isTrue();
  }
}
