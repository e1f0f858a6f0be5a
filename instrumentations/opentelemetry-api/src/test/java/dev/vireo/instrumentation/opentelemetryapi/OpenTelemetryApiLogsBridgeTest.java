package dev.vireo.instrumentation.opentelemetryapi;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Application log records (API versions with the logs API) exported by the agent's SDK, in the agent's trace. */
@ExtendWith(AgentTestingExtension.class)
class OpenTelemetryApiLogsBridgeTest {

  @ParameterizedTest
  @ValueSource(strings = {"middle", "newest"})
  void logRecordsOfTheApplicationAreTheAgentsAndCarryTheCurrentSpan(String apiVersion) {
    Consumer<String> orderLogs =
        ApplicationApiClassLoader.forVersion(apiVersion).newInstance("dev.vireo.testapp.otelapi.OrderLogs");
    String loggerName = "shop.logs." + apiVersion;
    Span server = VireoTelemetry.get().getTracer("test").spanBuilder("GET /orders").startSpan();
    try (Scope ignored = server.makeCurrent()) {
      orderLogs.accept(loggerName);
    } finally {
      server.end();
    }

    List<LogRecordData> records =
        AgentTesting.logRecords().stream()
            .filter(r -> r.getInstrumentationScopeInfo().getName().equals(loggerName))
            .collect(Collectors.toList());
    assertThat(records).hasSize(1);
    LogRecordData record = records.get(0);
    assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(record.getSeverityText()).isEqualTo("WARN");
    assertThat(record.getBodyValue().asString()).isEqualTo("order 42 is late");
    assertThat(record.getAttributes()).isEqualTo(Attributes.of(stringKey("order.id"), "42"));
    assertThat(record.getSpanContext().getSpanId()).isEqualTo(server.getSpanContext().getSpanId());
    assertThat(record.getSpanContext().getTraceId()).isEqualTo(server.getSpanContext().getTraceId());
  }
}
