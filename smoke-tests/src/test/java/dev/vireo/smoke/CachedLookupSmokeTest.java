package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Servlet → Redis → JDBC → Redis as one trace, with the packaged agent: the first request misses the cache (GET,
 * SELECT, SETEX), the second hits it (GET only). Runs against the Redis server on 127.0.0.1:6379 that every machine
 * of the project has ({@code .ci/run} starts it when down), under a key prefix of its own.
 */
class CachedLookupSmokeTest {

  @Test
  void cacheMissAndHitAreChildrenOfTheServerSpan() throws Exception {
    String prefix = "vireo-smoke-" + ProcessHandle.current().pid() + ":";
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app =
            AgentJvm.builder()
                .javaagent(SmokeEnvironment.agentJar())
                .classpath(SmokeEnvironment.applicationClasspath())
                .mainClass("dev.vireo.smoke.apps.CachedLookupApp")
                .args(prefix)
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.logs.exporter", "none")
                .systemProperty("otel.bsp.schedule.delay", "200")
                .start()) {
      String ready = app.awaitOutput("READY cached-lookup", Duration.ofSeconds(120));
      String base = "http://127.0.0.1:" + ready.substring(ready.indexOf("port=") + 5).trim() + "/prices/";
      receiver.clear(); // start-up statements are their own traces
      HttpClient client = HttpClient.newHttpClient();
      assertThat(get(client, base + "kettle")).isEqualTo("kettle 3990");

      // the SERVER span ends after its children: once it is here, so is the whole trace
      List<ReceivedSpan> miss =
          receiver.awaitSpans(s -> s.stream().anyMatch(span -> span.kind().equals("SERVER")), Duration.ofSeconds(30));
      ReceivedSpan server = only(miss, "SERVER");
      assertThat(server.name()).isEqualTo("GET /prices/*");
      assertThat(miss).extracting(ReceivedSpan::name)
          .containsExactlyInAnyOrder("GET /prices/*", "GET 127.0.0.1", "SELECT prices", "SETEX 127.0.0.1");
      assertThat(miss).filteredOn(span -> !span.kind().equals("SERVER")).allSatisfy(span -> {
        assertThat(span.kind()).isEqualTo("CLIENT");
        assertThat(span.traceId()).isEqualTo(server.traceId());
        assertThat(span.parentSpanId()).isEqualTo(server.spanId());
      });
      ReceivedSpan get = miss.stream().filter(span -> span.name().equals("GET 127.0.0.1")).findFirst().orElseThrow();
      assertThat(get.attribute("db.system.name")).isEqualTo("redis");
      assertThat(get.attribute("db.operation.name")).isEqualTo("GET");
      assertThat(get.attribute("db.query.text")).isEqualTo("GET " + prefix + "kettle");
      assertThat(get.attribute("db.namespace")).isEqualTo("0");
      assertThat(get.attribute("server.address")).isEqualTo("127.0.0.1");
      assertThat(get.attributes()).doesNotContainKey("server.port"); // Redis's usual 6379
      assertThat(get.attribute("network.peer.address")).isEqualTo("127.0.0.1");
      assertThat(get.attribute("network.peer.port")).isEqualTo(6379L);
      ReceivedSpan select = miss.stream().filter(span -> span.name().equals("SELECT prices")).findFirst().orElseThrow();
      assertThat(select.attribute("db.system.name")).isEqualTo("h2database");
      assertThat(select.attribute("db.query.text")).isEqualTo("SELECT cents FROM prices WHERE sku = ?");
      ReceivedSpan set = miss.stream().filter(span -> span.name().equals("SETEX 127.0.0.1")).findFirst().orElseThrow();
      assertThat(set.attribute("db.query.text")).isEqualTo("SETEX " + prefix + "kettle 60 ?");

      receiver.clear();
      assertThat(get(client, base + "kettle")).isEqualTo("kettle 3990");
      List<ReceivedSpan> hit =
          receiver.awaitSpans(s -> s.stream().anyMatch(span -> span.kind().equals("SERVER")), Duration.ofSeconds(30));
      assertThat(hit).extracting(ReceivedSpan::name).containsExactlyInAnyOrder("GET /prices/*", "GET 127.0.0.1");
      assertThat(hit).extracting(ReceivedSpan::traceId).containsOnly(only(hit, "SERVER").traceId());
    }
  }

  private static String get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String kind) {
    List<ReceivedSpan> ofKind = spans.stream().filter(span -> span.kind().equals(kind)).toList();
    assertThat(ofKind).hasSize(1);
    return ofKind.get(0);
  }
}
