package dev.vireo.examples.demo;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The services' log records as received over OTLP, grouped by the span they were logged in. */
final class SpanLogLines {

  private SpanLogLines() {}

  /** Span id (hex) to that span's log lines ({@code WARN message}), in arrival order. */
  static Map<String, List<String>> bySpanId(List<ExportLogsServiceRequest> requests) {
    Map<String, List<String>> lines = new HashMap<>();
    for (ExportLogsServiceRequest request : requests) {
      for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
        for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
          for (LogRecord record : scopeLogs.getLogRecordsList()) {
            if (record.getSpanId().isEmpty()) {
              continue;
            }
            String spanId = HexFormat.of().formatHex(record.getSpanId().toByteArray());
            lines.computeIfAbsent(spanId, id -> new ArrayList<>())
                .add(record.getSeverityText() + " " + record.getBody().getStringValue());
          }
        }
      }
    }
    return lines;
  }
}
