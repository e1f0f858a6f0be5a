package dev.vireo.testapp.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Runs in its own JVM with {@code otel.instrumentation.reactor.enabled=false} (see the pom): without the Reactor
 * module no context reaches Reactor Netty's event loop, and its client instrumentation must still see the
 * {@code WebClient}'s CLIENT span above it rather than start one of its own.
 */
@ExtendWith(AgentTestingExtension.class)
class WebClientWithoutReactorModuleTest {

  private static final int CALLS = 40;

  private static DisposableServer downstream;

  @BeforeAll
  static void startDownstream() {
    downstream = HttpServer.create()
        .host("127.0.0.1")
        .port(0)
        .route(routes -> routes.get("/items/{id}",
            (request, response) -> response.sendString(Mono.just("item " + request.param("id")))))
        .bindNow(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopDownstream() {
    downstream.disposeNow(Duration.ofSeconds(10));
  }

  @Test
  void oneClientSpanPerCallUnderTheCallersSpan() {
    WebClient client = WebClient.create("http://127.0.0.1:" + downstream.port());
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("caller").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      for (int i = 1; i <= CALLS; i++) {
        String body = client.get().uri("/items/{id}", i).retrieve().bodyToMono(String.class)
            .block(Duration.ofSeconds(10));
        assertThat(body).isEqualTo("item " + i);
      }
    } finally {
      parent.end();
    }

    // a client span ends before its response reaches block(), so all have ended with the caller's span; the
    // downstream's SERVER spans end once their responses are written
    String callerId = parent.getSpanContext().getSpanId();
    List<SpanData> spans = AgentTesting.waitFor(all -> all.stream().anyMatch(s -> s.getSpanId().equals(callerId))
        && all.stream().filter(s -> s.getKind() == SpanKind.SERVER).count() >= CALLS,
        Duration.ofSeconds(10), "the caller's span and " + CALLS + " SERVER spans").all().stream()
        .flatMap(trace -> trace.spans().stream()).collect(Collectors.toList());

    List<SpanData> clients = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).collect(Collectors.toList());
    assertThat(clients).hasSize(CALLS);
    assertThat(clients).allSatisfy(span -> {
      assertThat(span.getName()).isEqualTo("GET");
      assertThat(span.getParentSpanId()).isEqualTo(callerId);
      assertThat(span.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
    });
    Set<String> clientIds = clients.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    assertThat(spans.stream().filter(s -> s.getKind() == SpanKind.SERVER))
        .hasSize(CALLS)
        .allSatisfy(server -> assertThat(clientIds).contains(server.getParentSpanId()));
  }
}
