package dev.vireo.instrumentation.reactornetty;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty on its own, without Spring: the server's SERVER span continues the caller's trace, and the client's
 * CLIENT span is a child of the span current when the request was subscribed and carries {@code traceparent} to the
 * server. One server for the class.
 */
@ExtendWith(AgentTestingExtension.class)
class ReactorNettyTest {

  private static DisposableServer server;

  @BeforeAll
  static void startServer() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes
                .get("/hello/{name}", (request, response) ->
                    response.sendString(Mono.just("hello " + request.param("name"))))
                .get("/fail", (request, response) -> response.status(503).send()))
            .bindNow(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopServer() {
    server.disposeNow(Duration.ofSeconds(10));
  }

  @Test
  void serverSpanContinuesTheCallersTrace() throws IOException {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/hello/ada?x=1").openConnection();
    connection.setRequestProperty("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(connection.getResponseCode()).isEqualTo(200);
    try (InputStream body = connection.getInputStream()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello ada");
    }

    SpanData span = AgentTesting.waitForSpans(1).trace(0).spans().get(0);
    assertThat(span)
        .hasName("GET")
        .hasKind(SpanKind.SERVER)
        .hasTraceId(traceId)
        .hasParentSpanId("00f067aa0ba902b7");
    assertThat(span.getAttributes().asMap().keySet())
        .extracting(Object::toString)
        .contains("http.request.method", "url.scheme", "url.path", "url.query", "server.address", "server.port",
            "network.protocol.version", "http.response.status_code", "client.address");
    assertThat(span.getAttributes().asMap().keySet()).extracting(Object::toString).doesNotContain("http.route");
  }

  @Test
  void clientSpanIsTheCallersChildAndTheServersParent() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    String body;
    try (Scope ignored = parent.makeCurrent()) {
      body =
          HttpClient.create()
              .get()
              .uri("http://127.0.0.1:" + server.port() + "/hello/grace")
              .responseContent()
              .aggregate()
              .asString()
              .block(Duration.ofSeconds(10));
    } finally {
      parent.end();
    }
    assertThat(body).isEqualTo("hello grace");

    List<SpanData> spans = AgentTesting.waitForSpans(3).trace(0).spans();
    SpanData client = only(spans, SpanKind.CLIENT);
    SpanData serverSpan = only(spans, SpanKind.SERVER);
    assertThat(client)
        .hasName("GET")
        .hasParentSpanId(parent.getSpanContext().getSpanId())
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset());
    assertThat(client.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.full")))
        .isEqualTo("http://127.0.0.1:" + server.port() + "/hello/grace");
    assertThat(client.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(serverSpan).hasParentSpanId(client.getSpanId());
  }

  @Test
  void serverErrorStatusMarksBothSides() {
    Integer status =
        HttpClient.create()
            .get()
            .uri("http://127.0.0.1:" + server.port() + "/fail")
            .response()
            .map(response -> response.status().code())
            .block(Duration.ofSeconds(10));
    assertThat(status).isEqualTo(503);

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    assertThat(only(spans, SpanKind.SERVER)).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error());
    assertThat(only(spans, SpanKind.CLIENT)).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error());
    assertThat(only(spans, SpanKind.SERVER).getAttributes()
            .get(io.opentelemetry.api.common.AttributeKey.stringKey("error.type")))
        .isEqualTo("503");
  }

  private static SpanData only(List<SpanData> spans, SpanKind kind) {
    List<SpanData> ofKind = spans.stream().filter(s -> s.getKind() == kind).toList();
    assertThat(ofKind).hasSize(1);
    return ofKind.get(0);
  }
}
