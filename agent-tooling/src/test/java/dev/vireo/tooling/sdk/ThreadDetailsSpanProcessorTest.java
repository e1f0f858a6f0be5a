package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code thread.id} and {@code thread.name} on every span the agent's SDK starts, as the OpenTelemetry agent adds them. */
class ThreadDetailsSpanProcessorTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private AgentSdk sdk;

  @AfterEach
  void shutdown() {
    if (sdk != null) {
      sdk.shutdown();
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void everySpanNamesTheThreadThatStartedIt() throws InterruptedException {
    sdk = sdk("");
    Span span = sdk.get().getTracer("test").spanBuilder("on the test thread").startSpan();
    // ended elsewhere: still the starting thread's
    AtomicLong otherThreadId = new AtomicLong();
    Thread other = new Thread(() -> {
      otherThreadId.set(Thread.currentThread().getId());
      span.end();
      sdk.get().getTracer("test").spanBuilder("on the other thread").startSpan().end();
    }, "vireo-test-other");
    other.start();
    other.join();

    assertThat(exporter.getFinishedSpanItems()).hasSize(2);
    SpanData first = exporter.getFinishedSpanItems().get(0);
    assertThat(first.getName()).isEqualTo("on the test thread");
    assertThat(first.getAttributes().get(AttributeKey.longKey("thread.id"))).isEqualTo(Thread.currentThread().getId());
    assertThat(first.getAttributes().get(AttributeKey.stringKey("thread.name"))).isEqualTo(Thread.currentThread().getName());
    SpanData second = exporter.getFinishedSpanItems().get(1);
    assertThat(second.getAttributes().get(AttributeKey.longKey("thread.id"))).isEqualTo(otherThreadId.get());
    assertThat(second.getAttributes().get(AttributeKey.stringKey("thread.name"))).isEqualTo("vireo-test-other");
  }

  @Test
  void switchedOffNoThreadDetails() {
    sdk = sdk("otel.javaagent.add-thread-details=false");
    sdk.get().getTracer("test").spanBuilder("span").setAttribute("k", "v").startSpan().end();

    assertThat(exporter.getFinishedSpanItems()).singleElement()
        .satisfies(span -> assertThat(span.getAttributes().asMap()).containsOnlyKeys(AttributeKey.stringKey("k")));
  }

  private AgentSdk sdk(String settings) {
    return new AgentSdk(
        AgentConfig.load(
            "otel.traces.exporter=none;otel.metrics.exporter=none;otel.logs.exporter=none"
                + (settings.isEmpty() ? "" : ";" + settings)),
        getClass().getClassLoader(),
        builder ->
            builder.addTracerProviderCustomizer(
                (tracer, config) -> tracer.addSpanProcessor(SimpleSpanProcessor.create(exporter))));
  }
}
