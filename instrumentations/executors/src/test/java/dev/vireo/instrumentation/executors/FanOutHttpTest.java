package dev.vireo.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end with a real instrumentation: a handler span fans out three HttpURLConnection calls on
 * an executor and joins them; the three CLIENT spans are its children and carry its trace downstream.
 */
@ExtendWith(AgentTestingExtension.class)
class FanOutHttpTest {

  private static HttpServer server;
  private static final Map<String, String> traceparentByPath = new ConcurrentHashMap<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(3));
    server.createContext("/", exchange -> {
      String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
      if (traceparent != null) {
        traceparentByPath.put(exchange.getRequestURI().getPath(), traceparent);
      }
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  private static int get(String path) throws Exception {
    URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + path);
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void threeClientCallsOnAnExecutorAreChildrenOfTheHandlerSpan() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(3);
    Span handler = VireoTelemetry.get().getTracer("test").spanBuilder("handler").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = handler.makeCurrent()) {
      List<Future<Integer>> calls = new ArrayList<>();
      for (String path : new String[] {"/a", "/b", "/c"}) {
        calls.add(executor.submit(() -> get(path)));
      }
      for (Future<Integer> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      handler.end();
      executor.shutdownNow();
    }

    List<SpanData> spans = AgentTesting.waitForSpans(4).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData server = spans.get(0);
    assertThat(server.getName()).isEqualTo("handler");
    List<SpanData> clients = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).collect(Collectors.toList());
    assertThat(clients).hasSize(3);
    for (SpanData client : clients) {
      assertThat(client.getName()).isEqualTo("GET");
      assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(client.getTraceId()).isEqualTo(server.getTraceId());
    }
    // and the trace went over the wire from the executor threads
    assertThat(traceparentByPath.keySet()).containsExactlyInAnyOrder("/a", "/b", "/c");
    for (String traceparent : traceparentByPath.values()) {
      assertThat(traceparent).startsWith("00-" + server.getTraceId() + "-");
    }
    // each request carried its own CLIENT span as parent (version-traceid-spanid, flags aside)
    assertThat(clients.stream().map(c -> "00-" + c.getTraceId() + "-" + c.getSpanId()))
        .containsExactlyInAnyOrderElementsOf(
            traceparentByPath.values().stream().map(t -> t.substring(0, t.lastIndexOf('-'))).collect(Collectors.toList()));
  }
}
