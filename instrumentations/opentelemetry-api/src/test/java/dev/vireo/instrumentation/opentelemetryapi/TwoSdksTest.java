package dev.vireo.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application builds its own SDK and calls {@code GlobalOpenTelemetry.set}: the agent keeps its
 * own global, warns once, and spans of either SDK still parent the other's.
 */
@ExtendWith(AgentTestingExtension.class)
class TwoSdksTest {

  @Test
  void applicationSdkMadeGlobalIsWarnedAboutOnceAndNothingBreaks() {
    Function<Function<String, String>, Map<String, String>> ownSdk =
        ApplicationApiClassLoader.withOwnSdk().newInstance("dev.vireo.testapp.otelapi.OwnSdk");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    VireoLog.redirect(new PrintStream(log, true));
    Map<String, String> seen;
    try {
      seen = ownSdk.apply(question -> Span.current().getSpanContext().getSpanId());
    } finally {
      VireoLog.redirect(System.err);
    }

    String lines = new String(log.toByteArray(), StandardCharsets.UTF_8);
    assertThat(lines.split("two OpenTelemetry SDKs are active", -1)).hasSize(2);
    assertThat(lines).contains("WARN").contains("io.opentelemetry.sdk.OpenTelemetrySdk");
    assertThat(seen).containsEntry("global", "ApplicationOpenTelemetry").containsEntry("own.ended", "own-span");
    assertThat(seen.get("own.spanId")).isNotEqualTo("0000000000000000");
    // the application's own span is current for the agent too, and parents the agent's spans
    assertThat(seen.get("agent.span")).isEqualTo(seen.get("own.spanId"));
    assertThat(seen.get("global.traceId")).isEqualTo(seen.get("own.traceId"));

    SpanData global = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(global.getName()).isEqualTo("through-global");
    assertThat(global.getParentSpanId()).isEqualTo(seen.get("own.spanId"));
    assertThat(AgentTesting.spans()).hasSize(1);
  }
}
