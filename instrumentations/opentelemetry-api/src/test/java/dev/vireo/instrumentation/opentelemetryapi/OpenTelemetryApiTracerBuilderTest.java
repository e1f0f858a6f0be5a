package dev.vireo.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tracerBuilder} (API 1.4 and later; the API's default would be a no-op) gives the agent's tracer. */
@ExtendWith(AgentTestingExtension.class)
class OpenTelemetryApiTracerBuilderTest {

  @ParameterizedTest
  @ValueSource(strings = {"middle", "newest"})
  void tracerBuilderBuildsAnAgentTracerWithTheApplicationsScope(String apiVersion) {
    Supplier<String> builtTracer =
        ApplicationApiClassLoader.forVersion(apiVersion).newInstance("dev.vireo.testapp.otelapi.BuiltTracer");
    String spanId = builtTracer.get();

    SpanData span = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(span.getName()).isEqualTo("built");
    assertThat(span.getSpanId()).isEqualTo(spanId);
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("shop.builder");
    assertThat(span.getInstrumentationScopeInfo().getVersion()).isEqualTo("2.0");
  }
}
