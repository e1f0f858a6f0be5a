package dev.vireo.instrumentation.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.CircuitBreakerState;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** While the circuit breaker is open no span starts, but the caller's context still goes downstream. */
class CircuitBreakerPropagationTest {

  private static final HttpClientAttributesGetter<Map<String, String>, Integer> GETTER =
      new HttpClientAttributesGetter<>() {
        @Override public String method(Map<String, String> r) { return "GET"; }
        @Override public String url(Map<String, String> r) { return "http://h/x"; }
        @Override public String serverAddress(Map<String, String> r) { return "h"; }
        @Override public Integer serverPort(Map<String, String> r) { return 80; }
        @Override public List<String> requestHeader(Map<String, String> r, String name) { return List.of(); }
        @Override public Integer statusCode(Map<String, String> r, Integer status, Throwable error) { return status; }
        @Override public String protocolVersion(Map<String, String> r, Integer status) { return null; }
        @Override public List<String> responseHeader(Map<String, String> r, Integer status, String name) { return List.of(); }
      };

  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static OpenTelemetrySdk sdk;
  private static Instrumenter<Map<String, String>, Integer> instrumenter;

  @BeforeAll
  static void installSdk() {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    VireoTelemetry.install(() -> sdk);
    instrumenter = HttpClientInstrumenters.create("test", GETTER, (carrier, key, value) -> carrier.put(key, value));
  }

  @AfterAll
  static void uninstall() {
    VireoTelemetry.install(io.opentelemetry.api.OpenTelemetry::noop);
  }

  @AfterEach
  void close() {
    CircuitBreakerState.setOpen(false);
    spans.reset();
  }

  @Test
  void openBreakerStartsNoSpanButInjectsTheParent() {
    Span parent = sdk.getTracer("test").spanBuilder("GET /checkout").startSpan();
    Context parentContext = Context.root().with(parent);
    CircuitBreakerState.setOpen(true);

    Map<String, String> headers = new HashMap<>();
    assertThat(instrumenter.shouldStart(parentContext, headers)).isTrue();
    Context context = instrumenter.start(parentContext, headers);
    assertThat(Span.fromContext(context).getSpanContext()).isEqualTo(parent.getSpanContext());
    assertThat(Span.fromContext(context).isRecording()).isFalse();
    assertThat(headers)
        .containsEntry(
            "traceparent",
            "00-" + parent.getSpanContext().getTraceId() + "-" + parent.getSpanContext().getSpanId() + "-"
                + parent.getSpanContext().getTraceFlags().asHex());
    // a nested client call of the same family is still suppressed
    assertThat(instrumenter.shouldStart(context, new HashMap<>())).isFalse();
    instrumenter.end(context, headers, 200, null);
    parent.end();
    assertThat(spans.getFinishedSpanItems()).extracting(s -> s.getName()).containsExactly("GET /checkout");
    assertThat(parent.isRecording()).isFalse();

    CircuitBreakerState.setOpen(false);
    Context traced = instrumenter.start(Context.root(), new HashMap<>());
    instrumenter.end(traced, new HashMap<>(), 200, null);
    assertThat(spans.getFinishedSpanItems()).extracting(s -> s.getName()).containsExactly("GET /checkout", "GET");
  }
}
