package dev.vireo.instrumentation.r2dbc;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testlib.r2dbc.PoolLikeConnectionFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The R2DBC spans against one real database through its driver, the connection made through {@code
 * ConnectionFactories} from a URL (as Spring Boot makes it). Every DB span is a CLIENT child of a
 * SERVER span standing in for the request, and is the only span of its execution.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractR2dbcTest {

  final String url;
  final String systemName;
  final String namespace;
  /** Null for an embedded database. */
  final String serverAddress;
  /** Null when none is written (an embedded database, or the system's usual port). */
  final Long serverPort;
  final String items;
  Connection connection;

  AbstractR2dbcTest(String url, String systemName, String namespace, String serverAddress, Long serverPort, String suffix) {
    this.url = url;
    this.systemName = systemName;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.items = "vireo_r2dbc_items_" + suffix;
  }

  /** The db.response.status_code (and error.type) of selecting from a table that does not exist. */
  abstract String missingTableStatusCode();

  @BeforeAll
  void connectAndCreateTable() {
    connection = Mono.from(ConnectionFactories.get(url).create()).block();
    update("DROP TABLE IF EXISTS " + items);
    update("CREATE TABLE " + items + " (id INT PRIMARY KEY, name VARCHAR(40))");
  }

  @BeforeEach
  void resetRows() {
    update("DELETE FROM " + items);
    update("INSERT INTO " + items + " (id, name) VALUES (1, 'apple'), (2, 'pear')");
    AgentTesting.clear();
  }

  @AfterAll
  void dropTable() {
    if (connection != null) {
      update("DROP TABLE IF EXISTS " + items);
      Mono.from(connection.close()).block();
    }
  }

  @Test
  void selectWithABoundParameter() {
    String sql = "SELECT name FROM " + items + " WHERE id = $1";
    List<String> names =
        inRequest(() -> Flux.from(connection.createStatement(sql).bind(0, 2).execute())
            .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
            .collectList()
            .block());

    assertThat(names).containsExactly("pear");
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("SELECT " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes(sql, "SELECT " + items));
  }

  @Test
  void plainSelectWithLiteralsIsSanitized() {
    List<Integer> ids =
        inRequest(() -> Flux.from(
                connection.createStatement("SELECT id FROM " + items + " WHERE name = 'apple' AND id > 0").execute())
            .flatMap(result -> result.map((row, metadata) -> row.get(0, Integer.class)))
            .collectList()
            .block());

    assertThat(ids).containsExactly(1);
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("SELECT " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            attributes("SELECT id FROM " + items + " WHERE name = ? AND id > ?", "SELECT " + items));
  }

  @Test
  void insertWithBoundParameters() {
    String sql = "INSERT INTO " + items + " (id, name) VALUES ($1, $2)";
    Long inserted =
        inRequest(() -> Flux.from(connection.createStatement(sql).bind(0, 3).bind(1, "plum").execute())
            .flatMap(Result::getRowsUpdated)
            .reduce(0L, Long::sum)
            .block());

    assertThat(inserted).isEqualTo(1L);
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("INSERT " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes(sql, "INSERT " + items));
  }

  @Test
  void failingStatementIsAnErrorAndTheErrorReachesTheApp() {
    String missing = "vireo_r2dbc_missing_" + items;
    R2dbcException error =
        inRequest(() -> catchThrowableOfType(
            R2dbcException.class,
            () -> Flux.from(connection.createStatement("SELECT * FROM " + missing + " WHERE id = 42").execute())
                .flatMap(result -> result.map((row, metadata) -> row.get(0)))
                .blockLast()));

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
    assertThat(trace.get(1).getEvents()).hasSize(1);
    assertThat(trace.get(1).getEvents().get(0).getAttributes().get(stringKey("exception.type")))
        .isEqualTo(error.getClass().getName());
  }

  @Test
  void insideAReactorChainTheSpanIsAChildOfTheSpanCurrentAtSubscription() {
    String sql = "SELECT name FROM " + items + " WHERE id = $1";
    // assembled outside any span: the span starts at subscription, under the context current then
    Mono<String> chain =
        Mono.just(1)
            .publishOn(Schedulers.parallel())
            .flatMap(id -> Flux.from(connection.createStatement(sql).bind(0, id).execute())
                .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
                .next())
            .publishOn(Schedulers.single())
            .map(name -> {
              Span.current().setAttribute("test.seen-in-chain", name);
              return name;
            })
            .subscribeOn(Schedulers.boundedElastic());

    String name = inRequest(chain::block);

    assertThat(name).isEqualTo("apple");
    Trace trace = onlyTrace(2);
    trace.span(0).hasAttributesSatisfyingExactly(equalTo(stringKey("test.seen-in-chain"), "apple"));
    trace.span(1)
        .hasName("SELECT " + items)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes(sql, "SELECT " + items));
  }

  @Test
  void aPublisherAssembledOutsideTheRequestIsTracedWhereItIsSubscribed() {
    String sql = "SELECT name FROM " + items + " WHERE id = $1";
    Publisher<? extends Result> results = connection.createStatement(sql).bind(0, 1).execute();

    List<String> names =
        inRequest(() -> Flux.from(results)
            .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
            .collectList()
            .block());

    assertThat(names).containsExactly("apple");
    Trace trace = onlyTrace(2);
    trace.span(1).hasName("SELECT " + items).hasParent(trace.get(0));
  }

  @Test
  void statementWithSeveralBindingSetsIsABatch() {
    String sql = "INSERT INTO " + items + " (id, name) VALUES ($1, $2)";
    Long inserted =
        inRequest(() -> {
          Statement statement = connection.createStatement(sql);
          statement.bind(0, 10).bind(1, "fig").add();
          statement.bind(0, 11).bind(1, "kiwi").add();
          statement.bind(0, 12).bind(1, "lime");
          return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block();
        });

    assertThat(inserted).isEqualTo(3L);
    Trace trace = onlyTrace(2);
    String summary = "BATCH INSERT " + items;
    List<AttributeAssertion> expected = attributes(sql, summary);
    expected.add(equalTo(longKey("db.operation.batch.size"), 3L));
    trace.span(1)
        .hasName(summary)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void batchOfDifferentStatements() {
    Long updated =
        inRequest(() -> {
          Batch batch = connection.createBatch();
          batch.add("INSERT INTO " + items + " (id, name) VALUES (20, 'date')");
          batch.add("INSERT INTO " + items + " (id, name) VALUES (21, 'lemon')");
          batch.add("UPDATE " + items + " SET name = 'quince' WHERE id = 2");
          return Flux.from(batch.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block();
        });

    assertThat(updated).isEqualTo(3L);
    Trace trace = onlyTrace(2);
    String insert = "INSERT INTO " + items + " (id, name) VALUES (?, ?)";
    List<AttributeAssertion> expected =
        attributes(insert + "; " + insert + "; UPDATE " + items + " SET name = ? WHERE id = ?", "BATCH");
    expected.add(equalTo(longKey("db.operation.batch.size"), 3L));
    trace.span(1)
        .hasName("BATCH")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void eachExecutionIsExactlyOneSpan() {
    String sql = "SELECT name FROM " + items + " WHERE id = $1";
    List<String> names =
        inRequest(() -> Flux.just(1, 2)
            .concatMap(id -> Flux.from(connection.createStatement(sql).bind(0, id).execute())
                .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class))))
            .collectList()
            .block());

    assertThat(names).containsExactly("apple", "pear");
    Trace trace = onlyTrace(3);
    for (int i = 1; i <= 2; i++) {
      trace.span(i)
          .hasName("SELECT " + items)
          .hasParent(trace.get(0))
          .hasAttributesSatisfyingExactly(attributes(sql, "SELECT " + items));
    }
  }

  @Test
  void cancelledResultsEndTheSpan() {
    String first =
        inRequest(() -> Flux.from(connection.createStatement("SELECT name FROM " + items + " ORDER BY id").execute())
            .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
            .next()
            .block());

    assertThat(first).isEqualTo("apple");
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("SELECT " + items)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("SELECT name FROM " + items + " ORDER BY id", "SELECT " + items));
  }

  @Test
  void withoutAParentTheSpanIsARoot() {
    Integer one =
        Flux.from(connection.createStatement("SELECT 1").execute())
            .flatMap(result -> result.map((row, metadata) -> row.get(0, Integer.class)))
            .blockLast();

    assertThat(one).isEqualTo(1);
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0).hasName("SELECT").hasKind(SpanKind.CLIENT).hasNoParent();
  }

  @Test
  void connectingInARequestAddsNoSpanForTheDriversOwnStatements() {
    Long rows =
        inRequest(() -> Mono.usingWhen(
                ConnectionFactories.get(url).create(),
                fresh -> Flux.from(fresh.createStatement("UPDATE " + items + " SET name = 'fig' WHERE id = 1").execute())
                    .flatMap(Result::getRowsUpdated)
                    .reduce(0L, Long::sum),
                Connection::close)
            .block());

    assertThat(rows).isEqualTo(1L);
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("UPDATE " + items)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(
            attributes("UPDATE " + items + " SET name = ? WHERE id = ?", "UPDATE " + items));
  }

  @Test
  void aConnectionMadeWithoutAParentTracesItsStatementsAsRoots() {
    Long rows =
        Mono.usingWhen(
                ConnectionFactories.get(url).create(),
                fresh -> Flux.from(fresh.createStatement("DELETE FROM " + items + " WHERE id = 2").execute())
                    .flatMap(Result::getRowsUpdated)
                    .reduce(0L, Long::sum),
                Connection::close)
            .block();

    assertThat(rows).isEqualTo(1L);
    Trace trace = AgentTesting.waitForTraces(1).trace(0);
    assertThat(trace.size()).isEqualTo(1);
    trace.span(0)
        .hasName("DELETE " + items)
        .hasKind(SpanKind.CLIENT)
        .hasNoParent()
        .hasAttributesSatisfyingExactly(attributes("DELETE FROM " + items + " WHERE id = ?", "DELETE " + items));
  }

  @Test
  void throughAPoolMadeInCodeOneSpanWithTheDriversFactsAndNoneForItsValidation() {
    PoolLikeConnectionFactory pool = new PoolLikeConnectionFactory(ConnectionFactories.get(url));
    String sql = "SELECT name FROM " + items + " WHERE id = $1";
    List<String> names =
        inRequest(() -> Flux.usingWhen(
                pool.create(),
                pooled -> Flux.from(pooled.createStatement(sql).bind(0, 2).execute())
                    .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class))),
                Connection::close)
            .collectList()
            .block());

    assertThat(names).containsExactly("pear");
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("SELECT " + items)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes(sql, "SELECT " + items));
  }

  /** The attributes every span of this database has, plus text and summary. */
  List<AttributeAssertion> attributes(String queryText, String summary) {
    List<AttributeAssertion> expected = new ArrayList<>();
    expected.add(equalTo(stringKey("db.system.name"), systemName));
    if (namespace != null) {
      expected.add(equalTo(stringKey("db.namespace"), namespace));
    }
    expected.add(equalTo(stringKey("db.query.text"), queryText));
    expected.add(equalTo(stringKey("db.query.summary"), summary));
    if (serverAddress != null) {
      expected.add(equalTo(stringKey("server.address"), serverAddress));
    }
    if (serverPort != null) {
      expected.add(equalTo(longKey("server.port"), serverPort));
    }
    return expected;
  }

  /** Runs the work inside a SERVER span, like a request would. */
  static <T> T inRequest(Supplier<T> work) {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      return work.get();
    } finally {
      parent.end();
    }
  }

  /** Exactly one trace of exactly {@code spans} spans. */
  static Trace onlyTrace(int spans) {
    List<Trace> traces = AgentTesting.waitForSpans(spans).all();
    assertThat(traces).hasSize(1);
    Trace trace = traces.get(0);
    assertThat(trace.size()).as("spans in %s", trace).isEqualTo(spans);
    trace.span(0).hasName("GET /items").hasKind(SpanKind.SERVER);
    return trace;
  }

  void update(String sql) {
    Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast();
  }
}
