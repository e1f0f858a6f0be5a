package dev.vireo.instrumentation.lettuce;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lettuce against the real Redis server of the project's machines (127.0.0.1:6379, started by
 * {@code .ci/run}), through its sync, async and reactive APIs. Keys carry a prefix of their own per
 * run, so parallel runs (this class also runs against Lettuce 6 and 7) never meet.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettuceTest {

  private final String prefix = "vireo:" + getClass().getSimpleName() + ":" + UUID.randomUUID() + ":";
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> sync;
  private RedisAsyncCommands<String, String> async;
  private RedisReactiveCommands<String, String> reactive;

  @BeforeAll
  void connect() {
    client = RedisClient.create("redis://127.0.0.1:6379");
  }

  @AfterAll
  void shutdown() {
    client.shutdown();
  }

  @BeforeEach
  void open() {
    connection = client.connect();
    sync = connection.sync();
    async = connection.async();
    reactive = connection.reactive();
    sync.ping(); // connected outside the measured request
    AgentTesting.clear();
  }

  @AfterEach
  void cleanUp() {
    connection.setAutoFlushCommands(true);
    for (int database : new int[] {0, 2}) {
      sync.select(database);
      for (String key : sync.keys(prefix + "*")) {
        sync.del(key);
      }
    }
    connection.close();
  }

  @Test
  void syncCommandsAreClientSpansWithTheirSanitizedText() {
    String key = prefix + "greeting";
    inRequest(() -> {
      assertThat(sync.set(key, "secret value")).isEqualTo("OK");
      assertThat(sync.get(key)).isEqualTo("secret value");
    });

    Trace trace = onlyTrace(3);
    trace.span(1)
        .hasName("SET 127.0.0.1:6379")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("0", "SET", "SET " + key + " ?"));
    trace.span(2)
        .hasName("GET 127.0.0.1:6379")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("0", "GET", "GET " + key));
  }

  @Test
  void anAsyncCommandEndsWhenItCompletesOnTheContextItWasIssuedIn() throws Exception {
    String key = prefix + "user";
    List<RedisFuture<String>> futures = new ArrayList<>();
    // HMSET: the same signature in every Lettuce version
    inRequest(() -> futures.add(async.hmset(key, Collections.singletonMap("password", "hunter2"))));
    // awaited after the request span ended: the command's span still has it as its parent
    assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("OK");

    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("HMSET 127.0.0.1:6379")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("0", "HMSET", "HMSET " + key + " password ?"));
  }

  @Test
  void reactiveCommandsStartWhenSubscribed() {
    String key = prefix + "reactive";
    inRequest(() -> {
      assertThat(reactive.set(key, "v").block()).isEqualTo("OK");
      assertThat(reactive.strlen(key).block()).isEqualTo(1L);
    });

    Trace trace = onlyTrace(3);
    trace.span(1).hasName("SET 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "SET", "SET " + key + " ?"));
    trace.span(2).hasName("STRLEN 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "STRLEN", "STRLEN " + key));
  }

  @Test
  void pipelinedCommandsEachEndWithTheirReply() throws Exception {
    String first = prefix + "p1";
    String second = prefix + "p2";
    List<RedisFuture<?>> futures = new ArrayList<>();
    inRequest(() -> {
      connection.setAutoFlushCommands(false);
      futures.add(async.set(first, "one"));
      futures.add(async.incr(second));
      connection.flushCommands();
    });
    for (RedisFuture<?> future : futures) {
      future.get(10, TimeUnit.SECONDS);
    }

    Trace trace = onlyTrace(3);
    trace.span(1).hasName("SET 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "SET", "SET " + first + " ?"));
    trace.span(2).hasName("INCR 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "INCR", "INCR " + second));
  }

  @Test
  void theDatabaseIndexFollowsSelect() {
    String key = prefix + "in-db-2";
    inRequest(() -> {
      sync.select(2);
      sync.incr(key);
    });

    Trace trace = onlyTrace(3);
    trace.span(1).hasName("SELECT 127.0.0.1:6379").hasAttributesSatisfyingExactly(attributes("0", "SELECT", "SELECT 2"));
    trace.span(2).hasName("INCR 127.0.0.1:6379").hasAttributesSatisfyingExactly(attributes("2", "INCR", "INCR " + key));
  }

  @Test
  void aConnectionStartsOnItsUrisDatabase() {
    String key = prefix + "uri-db";
    try (StatefulRedisConnection<String, String> onDatabase2 = client.connect(RedisURI.create("redis://127.0.0.1:6379/2"))) {
      onDatabase2.sync().ping();
      AgentTesting.clear();
      inRequest(() -> onDatabase2.sync().incr(key));
    }

    onlyTrace(2).span(1).hasName("INCR 127.0.0.1:6379").hasAttributesSatisfyingExactly(attributes("2", "INCR", "INCR " + key));
  }

  @Test
  void wrongTypeIsAnError() {
    String key = prefix + "a-list";
    sync.rpush(key, "x");
    AgentTesting.clear();
    List<RedisCommandExecutionException> thrown = new ArrayList<>();
    inRequest(() -> thrown.add(catchThrowableOfType(RedisCommandExecutionException.class, () -> sync.get(key))));

    assertThat(thrown.get(0).getMessage()).startsWith("WRONGTYPE");
    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected = attributes("0", "GET", "GET " + key);
    expected.add(equalTo(stringKey("db.response.status_code"), "WRONGTYPE"));
    expected.add(equalTo(stringKey("error.type"), "WRONGTYPE"));
    trace.span(1)
        .hasName("GET 127.0.0.1:6379")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(expected);
    assertThat(trace.get(1).getEvents()).hasSize(1);
    assertThat(trace.get(1).getEvents().get(0).getAttributes().get(stringKey("exception.type")))
        .isEqualTo(RedisCommandExecutionException.class.getName());
  }

  @Test
  void multiExecIsOneSpanPerCommandEndingWithExec() {
    String key = prefix + "counter";
    inRequest(() -> {
      sync.multi();
      sync.incr(key);
      sync.incrby(key, 5);
      TransactionResult result = sync.exec();
      assertThat(result.wasDiscarded()).isFalse();
      assertThat((Long) result.get(1)).isEqualTo(6L);
    });

    Trace trace = onlyTrace(5);
    trace.span(1).hasName("MULTI 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "MULTI", "MULTI"));
    trace.span(2).hasName("INCR 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "INCR", "INCR " + key));
    trace.span(3).hasName("INCRBY 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "INCRBY", "INCRBY " + key + " 5"));
    trace.span(4).hasName("EXEC 127.0.0.1:6379").hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(attributes("0", "EXEC", "EXEC"));
    // the queued commands are answered by EXEC: their spans end with it, not at QUEUED
    SpanData exec = trace.get(4);
    assertThat(trace.get(2).getEndEpochNanos()).isGreaterThanOrEqualTo(exec.getStartEpochNanos());
  }

  private static List<AttributeAssertion> attributes(String database, String operation, String text) {
    return new ArrayList<>(Arrays.asList(
        equalTo(stringKey("db.system.name"), "redis"),
        equalTo(stringKey("db.namespace"), database),
        equalTo(stringKey("db.operation.name"), operation),
        equalTo(stringKey("db.query.text"), text),
        equalTo(stringKey("server.address"), "127.0.0.1"),
        equalTo(longKey("server.port"), 6379L),
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
