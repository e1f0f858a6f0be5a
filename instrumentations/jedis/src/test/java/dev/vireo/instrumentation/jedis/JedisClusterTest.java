package dev.vireo.instrumentation.jedis;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.redis.RedisCluster;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * {@code JedisCluster} against a real 3-master Redis Cluster started for this class ({@link
 * RedisCluster}: the machines run no cluster, only the binaries). Each command is sent to the node
 * that serves its key's slot: its span names that node (address and port, not the usual 6379).
 */
@ExtendWith(AgentTestingExtension.class)
class JedisClusterTest {

  @RegisterExtension
  static final RedisCluster CLUSTER = new RedisCluster();

  private JedisCluster cluster;

  @BeforeEach
  void connect() {
    // seeded with one node: the client learns the others (and the slots) from it
    cluster = new JedisCluster(new HostAndPort("127.0.0.1", CLUSTER.ports().get(0)));
    AgentTesting.clear();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void eachCommandIsASpanNamingTheNodeThatServedIt() {
    List<String> keys = new ArrayList<>();
    for (int port : CLUSTER.ports()) {
      keys.add(CLUSTER.keyServedBy(port, "vireo:jedis-cluster:"));
    }
    inRequest(() -> {
      for (String key : keys) {
        assertThat(cluster.set(key, "secret")).isEqualTo("OK");
      }
      for (String key : keys) {
        assertThat(cluster.get(key)).isEqualTo("secret");
      }
    });

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

  /**
   * Jedis sends the command to the node it cached for the slot, reads {@code MOVED}, refreshes its
   * slots and sends it again to the new owner: two network calls, one span each (as for any command
   * Jedis sends): the first an error naming the former node with the {@code MOVED} status, the second
   * the new owner's. (The stable conventions would rather have one span covering the retry: see the
   * module's javadoc.)
   */
  @Test
  void aMovedRedirectionIsASpanPerNodeAsked() {
    int from = CLUSTER.ports().get(0);
    int to = CLUSTER.ports().get(2);
    String key = CLUSTER.keyServedBy(from, "vireo:jedis-cluster-moved:");
    CLUSTER.moveSlotOf(key, to); // the client still sends the key to its former node

    inRequest(() -> assertThat(cluster.set(key, "moved")).isEqualTo("OK"));

    Trace trace = onlyTrace(3);
    List<AttributeAssertion> moved = attributes("SET", "SET " + key + " ?", from);
    moved.add(equalTo(stringKey("db.response.status_code"), "MOVED"));
    moved.add(equalTo(stringKey("error.type"), "MOVED"));
    trace.span(1).hasName("SET 127.0.0.1:" + from).hasParent(trace.get(0)).hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(moved);
    trace.span(2).hasName("SET 127.0.0.1:" + to).hasParent(trace.get(0)).hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("SET", "SET " + key + " ?", to));
    assertThat(CLUSTER.cli(to, "GET", key).trim()).isEqualTo("moved");
  }

  static List<AttributeAssertion> attributes(String operation, String text, long port) {
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
