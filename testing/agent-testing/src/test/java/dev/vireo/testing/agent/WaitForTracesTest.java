package dev.vireo.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AgentTestingExtension.class)
class WaitForTracesTest {

  private final Tracer tracer = VireoTelemetry.get().getTracer("wait-for-traces-test");

  @Test
  void returnsExactlyTheAskedTraces() {
    Span first = tracer.spanBuilder("first").startSpan();
    try (Scope ignored = first.makeCurrent()) {
      tracer.spanBuilder("first-child").startSpan().end();
    } finally {
      first.end();
    }
    tracer.spanBuilder("second").startSpan().end();

    Traces traces = AgentTesting.waitForTraces(2);

    assertThat(traces.size()).isEqualTo(2);
    assertThat(traces.trace(0).spans()).hasSize(2);
    assertThat(traces.trace(1).spans()).hasSize(1);
  }

  @Test
  void failsWhenThereAreMoreTraces() {
    tracer.spanBuilder("one").startSpan().end();
    tracer.spanBuilder("two").startSpan().end();

    assertThatThrownBy(() -> AgentTesting.waitForTraces(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected exactly 1 traces, got 2");
  }
}
