package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.apps.TaskClassesPreloadingAgent;
import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Context crosses the thread pool: queries run by pool threads (FutureTasks of an executor, or CompletableFuture
 * stages on the common pool) are children of the request's SERVER span. With the packaged agent both task classes
 * load after it, so both carry their context in the field the agent adds; when another agent loaded them first, the
 * contexts go through the weak map instead, with the same result.
 */
class FanOutSmokeTest {

  @Test
  void queriesOnPoolThreadsAreChildrenOfTheServerSpan() throws Exception {
    runFanOut(List.of(), "FutureTask=true ForkJoinTask=true");
  }

  /** Another agent loaded the task classes first: no field, the contexts go through the weak map, same traces. */
  @Test
  void taskClassesLoadedBeforeTheAgentStillCarryTheContext(@TempDir Path work) throws Exception {
    Path preloading = work.resolve("preloading-agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", TaskClassesPreloadingAgent.class.getName());
    new JarOutputStream(Files.newOutputStream(preloading), manifest).close(); // the class is on the app's class path
    runFanOut(List.of("-javaagent:" + preloading), "FutureTask=false ForkJoinTask=false");
  }

  private static void runFanOut(List<String> jvmArgs, String slots) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open();
        ForkedJvm app =
            AgentJvm.builder()
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .javaagent(SmokeEnvironment.agentJar())
                .classpath(SmokeEnvironment.applicationClasspath())
                .mainClass("dev.vireo.smoke.apps.FanOutApp")
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.bsp.schedule.delay", "200")
                .start()) {
      String ready = app.awaitOutput("READY fanout", Duration.ofSeconds(120));
      assertThat(app.awaitOutput("SLOTS", Duration.ofSeconds(1))).endsWith(slots);
      String base = "http://127.0.0.1:" + ready.substring(ready.indexOf("port=") + 5).trim();
      receiver.clear(); // start-up statements (CREATE, INSERT) are their own traces
      assertQueriesAreChildrenOfTheServerSpan(receiver, base, "/fanout");
      receiver.clear();
      assertQueriesAreChildrenOfTheServerSpan(receiver, base, "/fanout-stages");
    }
  }

  private static void assertQueriesAreChildrenOfTheServerSpan(OtlpReceiver receiver, String base, String path)
      throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("total 60");

    List<ReceivedSpan> spans =
        receiver.awaitSpans(s -> s.stream().filter(span -> span.kind().equals("CLIENT")).count() >= 3
                && s.stream().anyMatch(span -> span.kind().equals("SERVER")),
            Duration.ofSeconds(30));
    ReceivedSpan server = spans.stream().filter(span -> span.kind().equals("SERVER")).findFirst().orElseThrow();
    assertThat(server.name()).isEqualTo("GET " + path);
    List<ReceivedSpan> queries = spans.stream().filter(span -> span.name().equals("SELECT stock")).toList();
    assertThat(queries).hasSize(3).allSatisfy(query -> {
      assertThat(query.kind()).isEqualTo("CLIENT");
      assertThat(query.traceId()).isEqualTo(server.traceId());
      assertThat(query.parentSpanId()).isEqualTo(server.spanId());
      assertThat(query.attribute("db.system.name")).isEqualTo("h2database");
      assertThat(query.attribute("db.query.text")).isEqualTo("SELECT units FROM stock WHERE id = ?");
    });
  }
}
