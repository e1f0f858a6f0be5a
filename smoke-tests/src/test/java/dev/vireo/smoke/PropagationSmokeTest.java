package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict W3C Trace Context and Baggage on the real paths: headers arrive at a servlet under the
 * packaged agent, which calls out with each HTTP client; a recording server shows what was forwarded.
 */
class PropagationSmokeTest {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static OtlpReceiver receiver;
  private static RecordingServer target;
  private static ForkedJvm relay;
  private static String relayUrl;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.open();
    target = new RecordingServer();
    relay =
        AgentJvm.builder()
            .javaagent(SmokeEnvironment.agentJar())
            .classpath(SmokeEnvironment.applicationClasspath())
            .mainClass("dev.vireo.smoke.apps.PropagationRelayApp")
            .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
            .systemProperty("otel.metrics.exporter", "none")
            .args(target.url(""))
            .start();
    String ready = relay.awaitOutput("READY relay", Duration.ofSeconds(120));
    relayUrl = "http://127.0.0.1:" + ready.substring(ready.indexOf("port=") + 5).trim() + "/relay/";
  }

  @AfterAll
  static void stop() {
    relay.close();
    target.close();
    receiver.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "jdk", "okhttp"})
  void validContextIsContinuedWithTracestateAndBaggage(String client) throws Exception {
    Map<String, String> out =
        relay(client, "valid", "traceparent", PARENT, "tracestate", "vendor=abc,other@tenant=1", "baggage", "user=alice;p=1,k=v%20x");
    String traceparent = single(out, "traceparent");
    assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
    assertThat(traceparent).doesNotContain("b7ad6b7169203331"); // the client span is the new parent
    assertThat(out.get("tracestate")).isEqualTo("vendor=abc,other@tenant=1");
    assertThat(out.get("baggage")).contains("user=alice;p=1").contains("k=v%20x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "jdk", "okhttp"})
  void malformedTraceparentStartsANewTraceAndDropsTracestate(String client) throws Exception {
    Map<String, String> out =
        relay(client, "uppercase", "traceparent", PARENT.toUpperCase().replace("00-", "00-"), "tracestate", "vendor=abc");
    assertNewTrace(out);
    out = relay(client, "version-ff", "traceparent", "ff" + PARENT.substring(2), "tracestate", "vendor=abc");
    assertNewTrace(out);
    out = relay(client, "zero-trace", "traceparent", "00-" + "0".repeat(32) + "-b7ad6b7169203331-01");
    assertNewTrace(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "jdk", "okhttp"})
  void severalTraceparentHeadersAreInvalid(String client) throws Exception {
    Map<String, String> out =
        relay(client, "two-headers", "traceparent", PARENT, "traceparent", "00-" + "1".repeat(32) + "-b7ad6b7169203331-01");
    assertNewTrace(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "jdk", "okhttp"})
  void duplicateTracestateKeyDropsTracestateButKeepsTheTrace(String client) throws Exception {
    Map<String, String> out = relay(client, "dup-key", "traceparent", PARENT, "tracestate", "a=1,b=2,a=3");
    assertThat(single(out, "traceparent")).startsWith("00-" + TRACE_ID + "-");
    assertThat(out).doesNotContainKey("tracestate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "jdk", "okhttp"})
  void oversizedBaggageIsCutToTheLimitNotFailed(String client) throws Exception {
    String baggage = IntStream.range(0, 70).mapToObj(i -> "k" + i + "=v" + i).collect(Collectors.joining(","));
    Map<String, String> out = relay(client, "big-baggage", "traceparent", PARENT, "baggage", baggage);
    assertThat(single(out, "traceparent")).startsWith("00-" + TRACE_ID + "-");
    assertThat(out.get("baggage").split(",")).hasSize(64);
  }

  private static void assertNewTrace(Map<String, String> out) {
    String traceparent = single(out, "traceparent");
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]");
    assertThat(traceparent.substring(3, 35)).isNotEqualTo(TRACE_ID).isNotEqualTo("1".repeat(32));
    assertThat(out).doesNotContainKey("tracestate");
  }

  /** The header's value; several headers of one name would arrive comma-joined, which no single value has. */
  private static String single(Map<String, String> headers, String name) {
    assertThat(headers.get(name)).as(name + " in " + headers).isNotNull().doesNotContain(",");
    return headers.get(name);
  }

  private static Map<String, String> relay(String client, String name, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relayUrl + client + "/" + name));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<Map<String, String>> received = target.headers.get("/" + client + "/" + name);
    return received.get(received.size() - 1);
  }
}
