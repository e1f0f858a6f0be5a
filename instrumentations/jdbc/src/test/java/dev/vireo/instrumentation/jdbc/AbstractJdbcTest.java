package dev.vireo.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC spans against one real database, directly through the driver and through a HikariCP
 * pool (whose statements delegate to the driver's: still one span). Every DB span is a CLIENT
 * child of a SERVER span standing in for the servlet request.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractJdbcTest {

  enum Source {
    DRIVER,
    HIKARI
  }

  interface ConnectionWork {
    void run(Connection connection) throws Exception;
  }

  final JdbcDatabase db;
  final String items;
  final String orders;
  private Connection direct;
  private HikariDataSource pool;

  AbstractJdbcTest(JdbcDatabase db, String suffix) {
    this.db = db;
    this.items = "vireo_items_" + suffix;
    this.orders = "vireo_orders_" + suffix;
  }

  /** The db.response.status_code (and error.type) of selecting from a table that does not exist. */
  abstract String missingTableStatusCode();

  @BeforeAll
  void createTables() throws SQLException {
    direct = db.connect();
    try (Statement statement = direct.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + items);
      statement.execute("DROP TABLE IF EXISTS " + orders);
      statement.execute("CREATE TABLE " + items + " (id INT PRIMARY KEY, name VARCHAR(40))");
      statement.execute("CREATE TABLE " + orders + " (id INT PRIMARY KEY, item_id INT, quantity INT)");
    }
    pool = db.pool();
  }

  @BeforeEach
  void resetRows() throws SQLException {
    try (Statement statement = direct.createStatement()) {
      statement.execute("DELETE FROM " + orders);
      statement.execute("DELETE FROM " + items);
      statement.execute("INSERT INTO " + items + " (id, name) VALUES (1, 'apple'), (2, 'pear')");
    }
    AgentTesting.clear();
  }

  @AfterAll
  void dropTables() throws SQLException {
    if (pool != null) {
      pool.close();
    }
    if (direct != null) {
      try (Statement statement = direct.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + items);
        statement.execute("DROP TABLE IF EXISTS " + orders);
      }
      direct.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void preparedSelectWithParameter(Source source) throws Exception {
    String sql = "SELECT name FROM " + items + " WHERE id = ?";
    inRequest(source, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setInt(1, 2);
        try (ResultSet rows = statement.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("pear");
        }
      }
    });

    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("SELECT " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes(sql, "SELECT " + items));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void plainStatementWithLiteralsIsSanitized(Source source) throws Exception {
    inRequest(source, connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT i.id FROM " + items + " i JOIN " + orders + " o ON o.item_id = i.id"
                      + " WHERE i.name = 'apple' AND o.quantity > 10")) {
        assertThat(rows.next()).isFalse();
      }
    });

    Trace trace = onlyTrace(2);
    String summary = "SELECT " + items + " " + orders;
    trace.span(1)
        .hasName(summary)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            attributes(
                "SELECT i.id FROM " + items + " i JOIN " + orders + " o ON o.item_id = i.id"
                    + " WHERE i.name = ? AND o.quantity > ?",
                summary));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void preparedUpdate(Source source) throws Exception {
    String sql = "UPDATE " + items + " SET name = ? WHERE id = ?";
    inRequest(source, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, "plum");
        statement.setInt(2, 1);
        assertThat(statement.executeUpdate()).isEqualTo(1);
      }
    });

    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("UPDATE " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes(sql, "UPDATE " + items));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void plainUpdateWithLiterals(Source source) throws Exception {
    inRequest(source, connection -> {
      try (Statement statement = connection.createStatement()) {
        assertThat(statement.executeUpdate("DELETE FROM " + items + " WHERE name = 'pear'")).isEqualTo(1);
      }
    });

    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("DELETE " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("DELETE FROM " + items + " WHERE name = ?", "DELETE " + items));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void preparedBatch(Source source) throws Exception {
    String sql = "INSERT INTO " + orders + " (id, item_id, quantity) VALUES (?, ?, ?)";
    inRequest(source, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 1; i <= 3; i++) {
          statement.setInt(1, i);
          statement.setInt(2, 1);
          statement.setInt(3, i * 5);
          statement.addBatch();
        }
        assertThat(statement.executeBatch()).hasSize(3);
      }
    });

    Trace trace = onlyTrace(2);
    String summary = "BATCH INSERT " + orders;
    List<AttributeAssertion> expected = attributes(sql, summary);
    expected.add(equalTo(longKey("db.operation.batch.size"), 3L));
    trace.span(1)
        .hasName(summary)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(expected);
    assertThat(countRows(orders)).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void preparedBatchOfOneIsNoBatch(Source source) throws Exception {
    String sql = "INSERT INTO " + orders + " (id, item_id, quantity) VALUES (?, ?, ?)";
    inRequest(source, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setInt(1, 7);
        statement.setInt(2, 2);
        statement.setInt(3, 1);
        statement.addBatch();
        assertThat(statement.executeBatch()).hasSize(1);
      }
    });

    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("INSERT " + orders)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes(sql, "INSERT " + orders));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void plainBatchOfDifferentStatements(Source source) throws Exception {
    inRequest(source, connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("INSERT INTO " + orders + " (id, item_id, quantity) VALUES (1, 1, 5)");
        statement.addBatch("INSERT INTO " + orders + " (id, item_id, quantity) VALUES (2, 2, 6)");
        statement.addBatch("UPDATE " + items + " SET name = 'fig' WHERE id = 2");
        assertThat(statement.executeBatch()).hasSize(3);
      }
    });

    Trace trace = onlyTrace(2);
    String insert = "INSERT INTO " + orders + " (id, item_id, quantity) VALUES (?, ?, ?)";
    List<AttributeAssertion> expected =
        attributes(
            insert + "; " + insert + "; UPDATE " + items + " SET name = ? WHERE id = ?", "BATCH");
    expected.add(equalTo(longKey("db.operation.batch.size"), 3L));
    trace.span(1)
        .hasName("BATCH")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(expected);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void plainBatchOfSameStatementShape(Source source) throws Exception {
    inRequest(source, connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("INSERT INTO " + orders + " (id, item_id, quantity) VALUES (1, 1, 5)");
        statement.addBatch("INSERT INTO " + orders + " (id, item_id, quantity) VALUES (2, 2, 6)");
        assertThat(statement.executeBatch()).hasSize(2);
        // the batch was emptied: a second execution is an empty batch
        statement.clearBatch();
      }
    });

    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected =
        attributes("INSERT INTO " + orders + " (id, item_id, quantity) VALUES (?, ?, ?)", "BATCH INSERT " + orders);
    expected.add(equalTo(longKey("db.operation.batch.size"), 2L));
    trace.span(1).hasName("BATCH INSERT " + orders).hasParent(trace.get(0)).hasAttributesSatisfyingExactly(expected);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void failingStatementIsAnErrorAndTheExceptionReachesTheApp(Source source) throws Exception {
    String missing = "vireo_missing_" + items;
    List<SQLException> thrown = new ArrayList<>();
    inRequest(source, connection -> {
      try (Statement statement = connection.createStatement()) {
        thrown.add(
            catchThrowableOfType(
                SQLException.class, () -> statement.executeQuery("SELECT * FROM " + missing + " WHERE id = 42")));
      }
    });

    SQLException error = thrown.get(0);
    assertThat((Object) error).isNotNull();
    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected = attributes("SELECT * FROM " + missing + " WHERE id = ?", "SELECT " + missing);
    expected.add(equalTo(stringKey("db.response.status_code"), missingTableStatusCode()));
    expected.add(equalTo(stringKey("error.type"), missingTableStatusCode()));
    trace.span(1)
        .hasName("SELECT " + missing)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(expected);
    // the exception event, its echo of the statement (H2) sanitized like db.query.text
    assertThat(trace.get(1).getEvents()).hasSize(1);
    io.opentelemetry.api.common.Attributes event = trace.get(1).getEvents().get(0).getAttributes();
    assertThat(event.get(stringKey("exception.type"))).isEqualTo(error.getClass().getName());
    assertThat(event.get(stringKey("exception.message")))
        .isEqualTo(error.getMessage().replace("WHERE id = 42", "WHERE id = ?"));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void preparedStatementWithAnInlineLiteralIsSanitized(Source source) throws Exception {
    String sql = "SELECT name FROM " + items + " WHERE name <> 'hunter2' AND id = ?";
    inRequest(source, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setInt(1, 2);
        try (ResultSet rows = statement.executeQuery()) {
          assertThat(rows.next()).isTrue();
        }
      }
    });

    onlyTrace(2)
        .span(1)
        .hasName("SELECT " + items)
        .hasAttributesSatisfyingExactly(
            attributes("SELECT name FROM " + items + " WHERE name <> ? AND id = ?", "SELECT " + items));
  }

  /** A statement with the literal 'hunter2' whose error message from this database echoes it. */
  String statementWhoseErrorEchoesALiteral() {
    return "SELECT name FROM " + items + " WHERE WHERE name = 'hunter2'"; // syntax error: echoed by H2, MariaDB
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void literalsEchoedInTheErrorMessageAreSanitizedInTheExceptionEvent(Source source) throws Exception {
    List<SQLException> thrown = new ArrayList<>();
    inRequest(source, connection -> {
      try (Statement statement = connection.createStatement()) {
        thrown.add(
            catchThrowableOfType(
                SQLException.class, () -> statement.executeQuery(statementWhoseErrorEchoesALiteral())));
      }
    });

    SQLException error = thrown.get(0);
    assertThat(error.getMessage()).as("the database echoes the literal").contains("hunter2");
    Trace trace = onlyTrace(2);
    trace.span(1).hasStatus(StatusData.error());
    assertThat(trace.get(1).getEvents()).hasSize(1);
    io.opentelemetry.api.common.Attributes event = trace.get(1).getEvents().get(0).getAttributes();
    assertThat(event.get(stringKey("exception.type"))).isEqualTo(error.getClass().getName());
    assertThat(event.get(stringKey("exception.message")))
        .isEqualTo(error.getMessage().replace("'hunter2'", "?").replace("hunter2", "?"));
    assertThat(event.get(stringKey("exception.stacktrace")))
        .startsWith(error.getClass().getName())
        .contains("\tat ")
        .doesNotContain("hunter2");
    assertThat(trace.get(1).toString()).doesNotContain("hunter2");
  }

  @Test
  void withoutAParentTheSpanIsARoot() throws Exception {
    try (Statement statement = direct.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
      assertThat(rows.next()).isTrue();
    }
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0).hasName("SELECT").hasKind(SpanKind.CLIENT).hasNoParent();
  }

  @Test
  void durationMetricIsRecorded() throws Exception {
    AgentTesting.collectMetrics(); // start from an empty collection
    try (PreparedStatement statement = direct.prepareStatement("SELECT name FROM " + items + " WHERE id = ?")) {
      statement.setInt(1, 1);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
      }
    }
    Collection<MetricData> metrics = AgentTesting.collectMetrics();
    List<MetricData> durations =
        metrics.stream()
            .filter(metric -> metric.getName().equals("db.client.operation.duration"))
            .collect(Collectors.toList());
    assertThat(durations).hasSize(1);
    MetricData metric = durations.get(0);
    assertThat(metric.getUnit()).isEqualTo("s");
    List<HistogramPointData> points =
        metric.getHistogramData().getPoints().stream()
            .filter(point -> ("SELECT " + items).equals(point.getAttributes().get(stringKey("db.query.summary"))))
            .collect(Collectors.toList());
    assertThat(points).hasSize(1);
    HistogramPointData point = points.get(0);
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getBoundaries()).containsExactly(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);
    List<Object> expectedKeys = new ArrayList<>(Arrays.asList("db.system.name", "db.namespace", "db.query.summary"));
    assertThat(point.getAttributes().get(stringKey("db.system.name"))).isEqualTo(db.systemName);
    assertThat(point.getAttributes().get(stringKey("db.namespace"))).isEqualTo(db.namespace);
    if (db.serverAddress != null) {
      expectedKeys.add("server.address");
      assertThat(point.getAttributes().get(stringKey("server.address"))).isEqualTo(db.serverAddress);
    }
    if (db.serverPort != null) {
      expectedKeys.add("server.port");
      assertThat(point.getAttributes().get(longKey("server.port"))).isEqualTo(db.serverPort);
    }
    assertThat(point.getAttributes().asMap().keySet().stream().map(Object::toString))
        .containsExactlyInAnyOrderElementsOf(expectedKeys.stream().map(Object::toString).collect(Collectors.toList()));
  }

  /** The attributes every span of this database has, plus text and summary. */
  List<AttributeAssertion> attributes(String queryText, String summary) {
    List<AttributeAssertion> expected = new ArrayList<>();
    expected.add(equalTo(stringKey("db.system.name"), db.systemName));
    expected.add(equalTo(stringKey("db.namespace"), db.namespace));
    expected.add(equalTo(stringKey("db.query.text"), queryText));
    expected.add(equalTo(stringKey("db.query.summary"), summary));
    if (db.serverAddress != null) {
      expected.add(equalTo(stringKey("server.address"), db.serverAddress));
    }
    if (db.serverPort != null) {
      expected.add(equalTo(longKey("server.port"), db.serverPort));
    }
    return expected;
  }

  /** Runs the work on a connection of the source inside a SERVER span, like a servlet request would. */
  void inRequest(Source source, ConnectionWork work) throws Exception {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      if (source == Source.DRIVER) {
        work.run(direct);
      } else {
        try (Connection borrowed = pool.getConnection()) {
          work.run(borrowed);
        }
      }
    } finally {
      parent.end();
    }
  }

  /** Exactly one trace of exactly {@code spans} spans (no duplicates from delegating statements). */
  static Trace onlyTrace(int spans) {
    AgentTesting.waitForSpans(spans);
    List<Trace> traces = AgentTesting.waitForSpans(spans).all();
    assertThat(traces).hasSize(1);
    Trace trace = traces.get(0);
    assertThat(trace.size()).as("spans in %s", trace).isEqualTo(spans);
    trace.span(0).hasName("GET /items").hasKind(SpanKind.SERVER);
    return trace;
  }

  long countRows(String table) throws SQLException {
    try (Statement statement = direct.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  Connection direct() {
    return direct;
  }

}
