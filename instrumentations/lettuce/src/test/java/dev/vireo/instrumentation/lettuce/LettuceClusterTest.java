package dev.vireo.instrumentation.lettuce;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.redis.RedisCluster;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lettuce's {@code RedisClusterClient} against a real 3-master Redis Cluster started for this class
 * ({@link RedisCluster}: the machines run no cluster, only the binaries), through its sync, async and
 * reactive APIs. A command is routed to the node serving its key's slot: its span names that node.
 * Connecting (the client's own topology reads and set-up commands) happens before each test's window.
 */
@ExtendWith(AgentTestingExtension.class)
class LettuceClusterTest {

  @RegisterExtension
  static final RedisCluster CLUSTER = new RedisCluster();

  private RedisClusterClient client;
  private StatefulRedisClusterConnection<String, String> connection;

  @BeforeEach
  void connect() {
    // seeded with one node: the client learns the others (and the slots) from it
    client = RedisClusterClient.create(RedisURI.create("127.0.0.1", CLUSTER.ports().get(0)));
    connection = client.connect();
    connection.sync().ping();
    AgentTesting.clear();
  }

  @AfterEach
  void close() {
    connection.close();
    client.shutdown();
  }

  @Test
  void syncCommandsAreSpansNamingTheNodeThatServedThem() {
    List<String> keys = keysOnEachNode("vireo:lettuce-cluster-sync:");
    inRequest(() -> {
      for (String key : keys) {
        assertThat(connection.sync().set(key, "secret")).isEqualTo("OK");
      }
      for (String key : keys) {
        assertThat(connection.sync().get(key)).isEqualTo("secret");
      }
    });

    assertSetsThenGets(keys);
  }

  @Test
  void asyncCommandsAreSpansNamingTheNodeThatServedThem() {
    List<String> keys = keysOnEachNode("vireo:lettuce-cluster-async:");
    inRequest(() -> {
      try {
        for (String key : keys) {
          assertThat(connection.async().set(key, "secret").get(10, TimeUnit.SECONDS)).isEqualTo("OK");
        }
        for (String key : keys) {
          assertThat(connection.async().get(key).get(10, TimeUnit.SECONDS)).isEqualTo("secret");
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });

    assertSetsThenGets(keys);
  }

  @Test
  void reactiveCommandsAreSpansNamingTheNodeThatServedThem() {
    List<String> keys = keysOnEachNode("vireo:lettuce-cluster-reactive:");
    inRequest(() -> {
      for (String key : keys) {
        assertThat(connection.reactive().set(key, "secret").block()).isEqualTo("OK");
      }
      for (String key : keys) {
        assertThat(connection.reactive().get(key).block()).isEqualTo("secret");
      }
    });

    assertSetsThenGets(keys);
  }

  /**
   * The client sends the command to the node it knew for the slot, is answered {@code MOVED} and
   * sends it again to the new owner: one operation, one span (the conventions ask a span to cover
   * the retries of its operation), from the first send to the reply, naming the node that answered.
   */
  @Test
  void aMovedRedirectionIsOneSpanNamingTheNodeThatAnswered() {
    int from = CLUSTER.ports().get(0);
    int to = CLUSTER.ports().get(1);
    String key = CLUSTER.keyServedBy(from, "vireo:lettuce-cluster-moved:");
    CLUSTER.moveSlotOf(key, to); // the client still routes the key to its former node

    inRequest(() -> assertThat(connection.sync().set(key, "moved")).isEqualTo("OK"));

    Trace trace = onlyTrace(2);
    trace.span(1).hasName("SET 127.0.0.1:" + to).hasKind(SpanKind.CLIENT).hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("SET", "SET " + key + " ?", to));
    assertThat(CLUSTER.cli(to, "GET", key).trim()).isEqualTo("moved");
  }

  /**
   * Lettuce's topology refresh (here asked for; a MOVED reply starts one in the background) opens its own
   * connections to each node and names them ({@code CLIENT SETNAME lettuce#ClusterTopologyRefresh}): no
   * spans, which would be root spans in any application.
   */
  @Test
  @SuppressWarnings("deprecation") // refreshPartitions() is missing in 5.x; reloadPartitions() is in 5, 6 and 7
  void theTopologyRefreshMakesNoSpans() {
    int port = CLUSTER.ports().get(2);
    String key = CLUSTER.keyServedBy(port, "vireo:lettuce-cluster-refresh:");
    client.reloadPartitions();

    inRequest(() -> assertThat(connection.sync().set(key, "after refresh")).isEqualTo("OK"));

    Trace trace = onlyTrace(2);
    trace.span(1).hasName("SET 127.0.0.1:" + port).hasParent(trace.get(0));
  }

  private void assertSetsThenGets(List<String> keys) {
    Trace trace = onlyTrace(1 + 2 * keys.size());
    for (int i = 0; i < keys.size(); i++) {
      long port = CLUSTER.ports().get(i);
      trace.span(1 + i)
          .hasName("SET 127.0.0.1:" + port)
          .hasKind(SpanKind.CLIENT)
          .hasParent(trace.get(0))
          .hasStatus(StatusData.unset())
          .hasAttributesSatisfyingExactly(attributes("SET", "SET " + keys.get(i) + " ?", port));
      trace.span(1 + keys.size() + i)
          .hasName("GET 127.0.0.1:" + port)
          .hasKind(SpanKind.CLIENT)
          .hasParent(trace.get(0))
          .hasStatus(StatusData.unset())
          .hasAttributesSatisfyingExactly(attributes("GET", "GET " + keys.get(i), port));
    }
  }

  private static List<String> keysOnEachNode(String prefix) {
    List<String> keys = new ArrayList<>();
    for (int port : CLUSTER.ports()) {
      keys.add(CLUSTER.keyServedBy(port, prefix));
    }
    return keys;
  }

  private static List<AttributeAssertion> attributes(String operation, String text, long port) {
    return new ArrayList<>(Arrays.asList(
        equalTo(stringKey("db.system.name"), "redis"),
        equalTo(stringKey("db.namespace"), "0"),
        equalTo(stringKey("db.operation.name"), operation),
        equalTo(stringKey("db.query.text"), text),
        equalTo(stringKey("server.address"), "127.0.0.1"),
        equalTo(longKey("server.port"), port),
        equalTo(stringKey("network.peer.address"), "127.0.0.1"),
        equalTo(longKey("network.peer.port"), port)));
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
    assertThat(traces).as("traces %s", traces).hasSize(1);
    Trace trace = traces.get(0);
    assertThat(trace.size()).as("spans in %s", trace).isEqualTo(spans);
    trace.span(0).hasName("GET /items").hasKind(SpanKind.SERVER);
    return trace;
  }
}
