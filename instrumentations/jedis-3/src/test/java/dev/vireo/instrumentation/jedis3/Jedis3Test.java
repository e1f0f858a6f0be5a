package dev.vireo.instrumentation.jedis3;

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
 * Jedis 3.x against the real Redis server of the project's machines (127.0.0.1:6379, started by
 * {@code .ci/run}); keys carry a prefix of their own per run.
 */
@ExtendWith(AgentTestingExtension.class)
class Jedis3Test {

  private final String prefix = "vireo:" + getClass().getSimpleName() + ":" + UUID.randomUUID() + ":";
  private Jedis jedis;

  @BeforeEach
  void connect() {
    jedis = new Jedis("127.0.0.1", 6379);
    jedis.ping();
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
  void eachCommandIsAClientSpanFromSendingToItsReply() {
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
        .hasAttributesSatisfyingExactly(attributes("0", "GET", "GET " + key));
  }

  @Test
  void theDatabaseIndexFollowsSelect() {
    String key = prefix + "in-db-3";
    inRequest(() -> {
      jedis.select(3);
      jedis.incr(key);
    });

    Trace trace = onlyTrace(3);
    trace.span(1).hasName("SELECT 127.0.0.1").hasAttributesSatisfyingExactly(attributes("0", "SELECT", "SELECT 3"));
    trace.span(2).hasName("INCR 127.0.0.1").hasAttributesSatisfyingExactly(attributes("3", "INCR", "INCR " + key));
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
  }

  @Test
  void aPipelineIsOneBatchSpanAtSync() {
    String first = prefix + "p1";
    String second = prefix + "p2";
    inRequest(() -> {
      Pipeline pipeline = jedis.pipelined();
      pipeline.set(first, "one");
      pipeline.incr(second);
      Response<String> read = pipeline.get(first);
      pipeline.sync();
      assertThat(read.get()).isEqualTo("one");
      // the connection is in step again: the next command's span is its own
      jedis.exists(first);
    });

    Trace trace = onlyTrace(3);
    List<AttributeAssertion> expected =
        attributes("0", "PIPELINE", "SET " + first + " ?; INCR " + second + "; GET " + first);
    expected.add(equalTo(longKey("db.operation.batch.size"), 3L));
    trace.span(1).hasName("PIPELINE 127.0.0.1").hasKind(SpanKind.CLIENT).hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(expected);
    trace.span(2).hasName("EXISTS 127.0.0.1").hasAttributesSatisfyingExactly(attributes("0", "EXISTS", "EXISTS " + first));
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

  /** The MULTI that opens it and the EXEC that runs it are part of the transaction's span, as the agent's. */
  @Test
  void aMultiExecTransactionIsOneBatchSpanAtExec() {
    String key = prefix + "counter";
    String other = prefix + "other";
    inRequest(() -> {
      Transaction transaction = jedis.multi();
      transaction.incr(key);
      transaction.get(other);
      assertThat(transaction.exec()).hasSize(2);
      Transaction same = jedis.multi();
      same.incr(key);
      same.incrBy(other, 5);
      assertThat(same.exec()).containsExactly(2L, 5L);
    });

    Trace trace = onlyTrace(3);
    List<AttributeAssertion> mixed = attributes("0", "MULTI", "INCR " + key + "; GET " + other);
    mixed.add(equalTo(longKey("db.operation.batch.size"), 2L));
    trace.span(1).hasName("MULTI 127.0.0.1").hasParent(trace.get(0)).hasAttributesSatisfyingExactly(mixed);
    List<AttributeAssertion> distinct = attributes("0", "MULTI", "INCR " + key + "; INCRBY " + other + " 5");
    distinct.add(equalTo(longKey("db.operation.batch.size"), 2L));
    trace.span(2).hasName("MULTI 127.0.0.1").hasParent(trace.get(0)).hasAttributesSatisfyingExactly(distinct);
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
      // a marker: the only span of the request, so the discarded commands, MULTI and DISCARD made none
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
