package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged agent with its default {@code otel.logs.exporter} (otlp): a servlet app's java.util.logging records
 * reach the OTLP receiver, the ones logged inside the request with that request's SERVER span's trace and span id.
 */
class LogsSmokeTest {

  private static OtlpReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = OtlpReceiver.open();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  record Received(String scope, LogRecord record, Map<String, String> attributes) {
    String body() {
      return record.getBody().getStringValue();
    }

    String traceId() {
      return HexFormat.of().formatHex(record.getTraceId().toByteArray());
    }

    String spanId() {
      return HexFormat.of().formatHex(record.getSpanId().toByteArray());
    }
  }

  private static List<Received> logRecords() {
    List<Received> records = new ArrayList<>();
    for (ExportLogsServiceRequest request : receiver.logsRequests()) {
      for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
        for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
          for (LogRecord record : scopeLogs.getLogRecordsList()) {
            Map<String, String> attributes = new HashMap<>();
            for (KeyValue attribute : record.getAttributesList()) {
              attributes.put(
                  attribute.getKey(),
                  attribute.getValue().hasIntValue()
                      ? String.valueOf(attribute.getValue().getIntValue())
                      : attribute.getValue().getStringValue());
            }
            records.add(new Received(scopeLogs.getScope().getName(), record, attributes));
          }
        }
      }
    }
    return records;
  }

  private static Received only(List<Received> records, String body) {
    List<Received> matching = records.stream().filter(r -> r.body().equals(body)).toList();
    assertThat(matching).as("log records with body %s in %s", body, records).hasSize(1);
    return matching.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void julRecordsReachTheReceiverWithTheRequestsTraceContext(String protocol) {
    receiver.clear();
    String endpoint = protocol.equals("grpc") ? receiver.grpcEndpoint() : receiver.httpEndpoint();
    try (ForkedJvm app =
        AgentJvm.builder()
            .javaagent(SmokeEnvironment.agentJar())
            .classpath(SmokeEnvironment.applicationClasspath())
            .mainClass("dev.vireo.smoke.apps.LoggingServletApp")
            .systemProperty("otel.service.name", "orders")
            .systemProperty("otel.exporter.otlp.protocol", protocol)
            .systemProperty("otel.exporter.otlp.endpoint", endpoint)
            .systemProperty("otel.metrics.exporter", "none")
            .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).as("exit; stderr: %s", app.stderr()).isZero();
      assertThat(app.stdout()).contains("STATUS 200", "DONE");
      // the application's own console output is unchanged
      assertThat(app.stderr()).anyMatch(line -> line.contains("WARNING: order 7 is late"));
    }

    ReceivedSpan server =
        receiver.awaitSpans(s -> s.stream().anyMatch(span -> span.kind().equals("SERVER")), Duration.ofSeconds(10))
            .stream()
            .filter(span -> span.kind().equals("SERVER"))
            .findFirst()
            .orElseThrow();
    List<Received> records = logRecords();

    Received late = only(records, "order 7 is late");
    assertThat(late.scope()).isEqualTo("shop.orders");
    assertThat(late.record().getSeverityNumberValue()).isEqualTo(13); // WARN
    assertThat(late.record().getSeverityText()).isEqualTo("WARNING");
    assertThat(late.traceId()).isEqualTo(server.traceId());
    assertThat(late.spanId()).isEqualTo(server.spanId());
    assertThat(late.attributes()).containsOnlyKeys("thread.name", "thread.id");

    Received failed = only(records, "payment failed");
    assertThat(failed.record().getSeverityNumberValue()).isEqualTo(17); // ERROR
    assertThat(failed.record().getSeverityText()).isEqualTo("SEVERE");
    assertThat(failed.traceId()).isEqualTo(server.traceId());
    assertThat(failed.attributes())
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "card declined")
        .containsKeys("thread.name", "thread.id", "exception.stacktrace");
    assertThat(failed.attributes().get("exception.stacktrace")).startsWith("java.lang.IllegalStateException: card declined");

    Received serving = records.stream().filter(r -> r.body().startsWith("serving on port ")).findFirst().orElseThrow();
    assertThat(serving.record().getSeverityNumberValue()).isEqualTo(9); // INFO
    assertThat(serving.record().getTraceId().isEmpty()).isTrue();
    // the agent's own OpenTelemetry SDK logging never comes back as application logs
    assertThat(records).noneMatch(r -> r.scope().startsWith("io.opentelemetry."));
  }
}
