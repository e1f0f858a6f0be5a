package dev.vireo.instrumentation.r2dbc;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs in its own JVM with {@code otel.semconv-stability.opt-in=database/dup} and {@code
 * otel.instrumentation.common.db.query-sanitization.parameterized.enabled=false} (see the pom), as the
 * JDBC module's test of the same name: the stable keys plus the older ones; {@code db.query.text} of a
 * statement with bindings as written, {@code db.statement} sanitized.
 */
// Only meaningful in the JVM the pom starts with the setting; a -Dtest filter that also matches this
// class in the default run must not fail it.
@EnabledIfSystemProperty(named = "otel.semconv-stability.opt-in", matches = "database/dup")
@ExtendWith(AgentTestingExtension.class)
class H2DupConventionsTest {

  private static final String TABLE = "vireo_r2dbc_items_dup";
  private static Connection connection;

  @BeforeAll
  static void createTable() {
    assertThat(System.getProperty("otel.semconv-stability.opt-in")).isEqualTo("database/dup");
    connection = Mono.from(ConnectionFactories.get("r2dbc:h2:mem:///vireo_r2dbc_dup").create()).block();
    update("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, name VARCHAR(40))");
    update("INSERT INTO " + TABLE + " VALUES (1, 'apple')");
  }

  @AfterAll
  static void dropTable() {
    update("DROP TABLE " + TABLE);
    Mono.from(connection.close()).block();
  }

  @BeforeEach
  void clear() {
    AgentTesting.clear();
  }

  @Test
  void statementWithBindingsHasStableAndOldKeys() {
    String sql = "SELECT name FROM " + TABLE + " WHERE id = $1 AND name <> 'secret'";
    List<String> names =
        Flux.from(connection.createStatement(sql).bind(0, 1).execute())
            .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
            .collectList()
            .block();

    assertThat(names).hasSize(1); // apple, or pear after the update test
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0)
        .hasName("SELECT " + TABLE)
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.namespace"), "vireo_r2dbc_dup"),
            equalTo(stringKey("db.query.text"), sql),
            equalTo(stringKey("db.query.summary"), "SELECT " + TABLE),
            equalTo(stringKey("db.system"), "h2"),
            equalTo(stringKey("db.name"), "vireo_r2dbc_dup"),
            equalTo(stringKey("db.statement"), "SELECT name FROM " + TABLE + " WHERE id = $1 AND name <> ?"),
            equalTo(stringKey("db.operation"), "SELECT"),
            equalTo(stringKey("db.sql.table"), TABLE));
  }

  @Test
  void plainStatementHasStableAndOldKeys() {
    update("UPDATE " + TABLE + " SET name = 'pear' WHERE id = 1");

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    String sanitized = "UPDATE " + TABLE + " SET name = ? WHERE id = ?";
    trace.span(0)
        .hasName("UPDATE " + TABLE)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.namespace"), "vireo_r2dbc_dup"),
            equalTo(stringKey("db.query.text"), sanitized),
            equalTo(stringKey("db.query.summary"), "UPDATE " + TABLE),
            equalTo(stringKey("db.system"), "h2"),
            equalTo(stringKey("db.name"), "vireo_r2dbc_dup"),
            equalTo(stringKey("db.statement"), sanitized),
            equalTo(stringKey("db.operation"), "UPDATE"),
            equalTo(stringKey("db.sql.table"), TABLE));
  }

  @Test
  void bindingSetsAreABatchUnderBothKeySets() {
    String sql = "INSERT INTO " + TABLE + " (id, name) VALUES ($1, $2)";
    Statement statement = connection.createStatement(sql);
    statement.bind(0, 5).bind(1, "fig").add();
    statement.bind(0, 6).bind(1, "kiwi");
    Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).blockLast();

    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasName("BATCH INSERT " + TABLE)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.namespace"), "vireo_r2dbc_dup"),
            equalTo(stringKey("db.query.text"), sql),
            equalTo(stringKey("db.query.summary"), "BATCH INSERT " + TABLE),
            equalTo(longKey("db.operation.batch.size"), 2L),
            equalTo(stringKey("db.system"), "h2"),
            equalTo(stringKey("db.name"), "vireo_r2dbc_dup"),
            equalTo(stringKey("db.statement"), sql),
            equalTo(stringKey("db.operation"), "BATCH INSERT"),
            equalTo(stringKey("db.sql.table"), TABLE));
  }

  private static void update(String sql) {
    Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast();
  }
}
