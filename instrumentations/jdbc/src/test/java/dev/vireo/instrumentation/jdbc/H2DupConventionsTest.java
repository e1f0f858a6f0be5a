package dev.vireo.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs in its own JVM with {@code otel.semconv-stability.opt-in=database/dup} and {@code
 * otel.instrumentation.common.db.query-sanitization.parameterized.enabled=false} (see the pom): the
 * stable keys plus the older ones; {@code db.query.text} of a prepared statement as written (the
 * stable conventions' advice), {@code db.statement} sanitized even for prepared statements.
 */
// Only meaningful in the JVM the pom starts with the setting; a -Dtest filter that also matches this
// class in the default run must not fail it.
@EnabledIfSystemProperty(named = "otel.semconv-stability.opt-in", matches = "database/dup")
@ExtendWith(AgentTestingExtension.class)
class H2DupConventionsTest {

  private static final String TABLE = "vireo_items_dup";
  private static Connection connection;

  @BeforeAll
  static void createTable() throws SQLException {
    assertThat(System.getProperty("otel.semconv-stability.opt-in")).isEqualTo("database/dup");
    connection = JdbcDatabase.h2().connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, name VARCHAR(40))");
      statement.execute("INSERT INTO " + TABLE + " VALUES (1, 'apple')");
    }
  }

  @AfterAll
  static void dropTable() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE " + TABLE);
    }
    connection.close();
  }

  @BeforeEach
  void clear() {
    AgentTesting.clear();
  }

  @Test
  void preparedStatementHasStableAndOldKeys() throws SQLException {
    String sql = "SELECT name FROM " + TABLE + " WHERE id = ? AND name <> 'secret'";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, 1);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
      }
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0)
        .hasName("SELECT " + TABLE)
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.namespace"), "vireo_jdbc"),
            equalTo(stringKey("db.query.text"), sql),
            equalTo(stringKey("db.query.summary"), "SELECT " + TABLE),
            equalTo(stringKey("db.system"), "h2"),
            equalTo(stringKey("db.name"), "vireo_jdbc"),
            equalTo(stringKey("db.statement"), "SELECT name FROM " + TABLE + " WHERE id = ? AND name <> ?"),
            equalTo(stringKey("db.operation"), "SELECT"),
            equalTo(stringKey("db.sql.table"), TABLE));
  }

  @Test
  void plainStatementHasStableAndOldKeys() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate("UPDATE " + TABLE + " SET name = 'pear' WHERE id = 1")).isEqualTo(1);
    }

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    String sanitized = "UPDATE " + TABLE + " SET name = ? WHERE id = ?";
    trace.span(0)
        .hasName("UPDATE " + TABLE)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.namespace"), "vireo_jdbc"),
            equalTo(stringKey("db.query.text"), sanitized),
            equalTo(stringKey("db.query.summary"), "UPDATE " + TABLE),
            equalTo(stringKey("db.system"), "h2"),
            equalTo(stringKey("db.name"), "vireo_jdbc"),
            equalTo(stringKey("db.statement"), sanitized),
            equalTo(stringKey("db.operation"), "UPDATE"),
            equalTo(stringKey("db.sql.table"), TABLE));
  }
}
