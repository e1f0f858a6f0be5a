package dev.vireo.instrumentation.jedis;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Jedis against the real Redis server of the project's machines (127.0.0.1:6379, started by
 * {@code .ci/run}). Keys carry a prefix of their own per run, so parallel runs (this class also runs
 * against Jedis 8 from jedis-8-tests) never meet.
 */
@ExtendWith(AgentTestingExtension.class)
class JedisTest {

  private final String prefix = "vireo:" + getClass().getSimpleName() + ":" + UUID.randomUUID() + ":";
  private Jedis jedis;

  @BeforeEach
  void connect() {
    jedis = new Jedis("127.0.0.1", 6379);
    jedis.ping(); // connects outside the measured request
    AgentTesting.clear();
  }

  @AfterEach
  void cleanUp() {
    jedis.select(0);
    for (String key : jedis.keys(prefix + "*")) {
      jedis.del(key);
    }
    jedis.close();
  }

  @Test
  void eachCommandIsAClientSpanWithItsSanitizedText() {
    String key = prefix + "greeting";
    inRequest(() -> {
      assertThat(jedis.set(key, "secret value")).isEqualTo("OK");
      assertThat(jedis.get(key)).isEqualTo("secret value");
    });

    Trace trace = onlyTrace(3);
    trace.span(1)
        .hasName("SET 127.0.0.1")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("0", "SET", "SET " + key + " ?"));
    trace.span(2)
        .hasName("GET 127.0.0.1")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("0", "GET", "GET " + key));
  }

  @Test
  void theFirstCommandOfANewConnectionNamesTheServerItIsAboutToConnectTo() {
    String key = prefix + "first";
    try (Jedis fresh = new Jedis("127.0.0.1", 6379)) {
      inRequest(() -> assertThat(fresh.set(key, "v")).isEqualTo("OK")); // Jedis connects inside the span
    }

    onlyTrace(2).span(1)
        .hasName("SET 127.0.0.1")
        .hasAttributesSatisfyingExactly(attributes("0", "SET", "SET " + key + " ?"));
  }

  @Test
  void hashFieldsAreKeptTheirValuesHidden() {
    String key = prefix + "user";
    inRequest(() -> assertThat(jedis.hset(key, "password", "hunter2")).isEqualTo(1L));

    onlyTrace(2).span(1)
        .hasName("HSET 127.0.0.1")
        .hasAttributesSatisfyingExactly(attributes("0", "HSET", "HSET " + key + " password ?"));
  }

  @Test
  void theDatabaseIndexFollowsSelect() {
    String key = prefix + "in-db-3";
    inRequest(() -> {
      jedis.select(3);
      jedis.incr(key);
    });

    Trace trace = onlyTrace(3);
    // the SELECT is sent from database 0
    trace.span(1).hasName("SELECT 127.0.0.1").hasAttributesSatisfyingExactly(attributes("0", "SELECT", "SELECT 3"));
    trace.span(2)
        .hasName("INCR 127.0.0.1")
        .hasAttributesSatisfyingExactly(attributes("3", "INCR", "INCR " + key));
  }

  @Test
  void pingAndSelectSendTheirCommandThemselvesAndAreSpansToo() {
    inRequest(() -> {
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(jedis.ping("hello")).isEqualTo("hello");
      assertThat(jedis.ping("bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8))).asString().isEqualTo("bytes");
      assertThat(jedis.select(5)).isEqualTo("OK");
    });

    Trace trace = onlyTrace(5);
    trace.span(1).hasName("PING 127.0.0.1").hasKind(SpanKind.CLIENT).hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("0", "PING", "PING"));
    trace.span(2).hasName("PING 127.0.0.1").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "PING", "PING hello"));
    trace.span(3).hasName("PING 127.0.0.1").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "PING", "PING bytes"));
    trace.span(4).hasName("SELECT 127.0.0.1").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "SELECT", "SELECT 5"));
  }

  @Test
  void aRefusedSelectIsAnError() {
    List<JedisDataException> thrown = new ArrayList<>();
    inRequest(() -> thrown.add(catchThrowableOfType(JedisDataException.class, () -> jedis.select(100000))));

    assertThat(thrown.get(0).getMessage()).startsWith("ERR");
    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected = attributes("0", "SELECT", "SELECT 100000");
    expected.add(equalTo(stringKey("db.response.status_code"), "ERR"));
    expected.add(equalTo(stringKey("error.type"), "ERR"));
    trace.span(1).hasName("SELECT 127.0.0.1").hasParent(trace.get(0)).hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void aPoolsOwnValidationAndSelectGetNoSpan() {
    String key = prefix + "pooled";
    redis.clients.jedis.JedisPoolConfig config = new redis.clients.jedis.JedisPoolConfig();
    config.setTestOnBorrow(true); // a PING per borrow
    config.setTestOnReturn(true);
    try (redis.clients.jedis.JedisPool pool = new redis.clients.jedis.JedisPool(config, "127.0.0.1", 6379, 2000, null, 4)) {
      inRequest(() -> {
        try (Jedis pooled = pool.getResource()) {
          pooled.incr(key);
        }
      });

      Trace trace = onlyTrace(2);
      trace.span(1).hasName("INCR 127.0.0.1").hasParent(trace.get(0))
          .hasAttributesSatisfyingExactly(attributes("4", "INCR", "INCR " + key));
      try (Jedis pooled = pool.getResource()) {
        pooled.del(key); // database 4: the clean-up after each test deletes from database 0
      }
    }
  }

  @Test
  void wrongTypeIsAnError() {
    String key = prefix + "a-list";
    jedis.rpush(key, "x");
    AgentTesting.clear();
    List<JedisDataException> thrown = new ArrayList<>();
    inRequest(() -> thrown.add(catchThrowableOfType(JedisDataException.class, () -> jedis.get(key))));

    assertThat(thrown.get(0).getMessage()).startsWith("WRONGTYPE");
    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected = attributes("0", "GET", "GET " + key);
    expected.add(equalTo(stringKey("db.response.status_code"), "WRONGTYPE"));
    expected.add(equalTo(stringKey("error.type"), "WRONGTYPE"));
    trace.span(1)
        .hasName("GET 127.0.0.1")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(expected);
    assertThat(trace.get(1).getEvents()).hasSize(1);
    assertThat(trace.get(1).getEvents().get(0).getAttributes().get(stringKey("exception.type")))
        .isEqualTo(JedisDataException.class.getName());
  }

  @Test
  void aPipelineIsOneBatchSpanAtSync() {
    String first = prefix + "p1";
    String second = prefix + "p2";
    inRequest(() -> {
      Pipeline pipeline = jedis.pipelined();
      pipeline.set(first, "one");
      pipeline.set(second, "two");
      Response<String> read = pipeline.get(first);
      pipeline.sync();
      assertThat(read.get()).isEqualTo("one");
    });

    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected =
        attributes("0", "PIPELINE", "SET " + first + " ?; SET " + second + " ?; GET " + first);
    expected.add(equalTo(longKey("db.operation.batch.size"), 3L));
    trace.span(1)
        .hasName("PIPELINE 127.0.0.1")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void aBatchOfOneCommandKindNamesItsOperation() {
    String first = prefix + "same1";
    String second = prefix + "same2";
    inRequest(() -> {
      Pipeline pipeline = jedis.pipelined();
      pipeline.incr(first);
      pipeline.incr(second);
      assertThat(pipeline.syncAndReturnAll()).containsExactly(1L, 1L);
    });

    List<AttributeAssertion> expected = attributes("0", "PIPELINE INCR", "INCR " + first + "; INCR " + second);
    expected.add(equalTo(longKey("db.operation.batch.size"), 2L));
    onlyTrace(2).span(1).hasName("PIPELINE INCR 127.0.0.1").hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void aMultiExecTransactionIsOneBatchSpanAtExec() {
    String key = prefix + "counter";
    inRequest(() -> {
      Transaction transaction = jedis.multi();
      transaction.incr(key);
      transaction.incrBy(key, 5);
      assertThat(transaction.exec()).containsExactly(1L, 6L);
    });

    List<AttributeAssertion> expected = attributes("0", "MULTI", "INCR " + key + "; INCRBY " + key + " 5");
    expected.add(equalTo(longKey("db.operation.batch.size"), 2L));
    onlyTrace(2).span(1).hasName("MULTI 127.0.0.1").hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void aTransactionOfOneCommandKindNamesItsOperation() {
    String first = prefix + "multi1";
    String second = prefix + "multi2";
    inRequest(() -> {
      Transaction transaction = jedis.multi();
      transaction.incr(first);
      transaction.incr(second);
      assertThat(transaction.exec()).containsExactly(1L, 1L);
    });

    List<AttributeAssertion> expected = attributes("0", "MULTI INCR", "INCR " + first + "; INCR " + second);
    expected.add(equalTo(longKey("db.operation.batch.size"), 2L));
    onlyTrace(2).span(1).hasName("MULTI INCR 127.0.0.1").hasAttributesSatisfyingExactly(expected);
  }

  @Test
  void aDiscardedTransactionLeavesNothingForTheNextOne() {
    String key = prefix + "discarded";
    inRequest(() -> {
      Transaction discarded = jedis.multi();
      discarded.set(key, "never");
      discarded.discard();
      // a marker: the only span of the request, so the discarded commands made none
      jedis.exists(key);
    });

    onlyTrace(2).span(1)
        .hasName("EXISTS 127.0.0.1")
        .hasAttributesSatisfyingExactly(attributes("0", "EXISTS", "EXISTS " + key));
  }

  private static List<AttributeAssertion> attributes(String database, String operation, String text) {
    return new ArrayList<>(Arrays.asList(
        equalTo(stringKey("db.system.name"), "redis"),
        equalTo(stringKey("db.namespace"), database),
        equalTo(stringKey("db.operation.name"), operation),
        equalTo(stringKey("db.query.text"), text),
        equalTo(stringKey("server.address"), "127.0.0.1"),
        equalTo(stringKey("network.peer.address"), "127.0.0.1"),
        equalTo(longKey("network.peer.port"), 6379L)));
  }

  private static void inRequest(Runnable work) {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      work.run();
    } finally {
      parent.end();
    }
  }

  private static Trace onlyTrace(int spans) {
    List<Trace> traces = AgentTesting.waitForSpans(spans).all();
    assertThat(traces).hasSize(1);
    Trace trace = traces.get(0);
    assertThat(trace.size()).as("spans in %s", trace).isEqualTo(spans);
    trace.span(0).hasName("GET /items").hasKind(SpanKind.SERVER);
    return trace;
  }
}
