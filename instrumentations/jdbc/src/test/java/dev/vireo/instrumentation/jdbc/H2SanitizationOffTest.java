package dev.vireo.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs in its own JVM with the older {@code otel.instrumentation.common.db-statement-sanitizer.enabled=false}
 * (see the pom): literals stay in {@code db.query.text}.
 */
// Only meaningful in the JVM the pom starts with the setting; a -Dtest filter that also matches this
// class in the default run must not fail it.
@EnabledIfSystemProperty(named = "otel.instrumentation.common.db-statement-sanitizer.enabled", matches = "false")
@ExtendWith(AgentTestingExtension.class)
class H2SanitizationOffTest {

  @Test
  void literalsAreKept() throws SQLException {
    assertThat(System.getProperty("otel.instrumentation.common.db-statement-sanitizer.enabled")).isEqualTo("false");
    try (Connection connection = JdbcDatabase.h2().connect()) {
      AgentTesting.clear();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 'secret' AS word, 42 AS answer")) {
        assertThat(rows.next()).isTrue();
      }
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0)
        .hasName("SELECT")
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.namespace"), "vireo_jdbc"),
            equalTo(stringKey("db.query.text"), "SELECT 'secret' AS word, 42 AS answer"),
            equalTo(stringKey("db.query.summary"), "SELECT"));
  }
}
