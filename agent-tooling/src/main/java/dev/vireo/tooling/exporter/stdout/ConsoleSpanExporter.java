package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * {@code otel.traces.exporter=console} (or {@code logging}): one line per span on standard output, in the
 * OpenTelemetry SDK's logging-exporter format: {@code 'GET /orders' : <trace id> <span id> SERVER [tracer:
 * <scope>:<version>] <attributes>}.
 */
public final class ConsoleSpanExporter implements SpanExporter {

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    for (SpanData span : spans) {
      InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
      StdoutLines.print(
          "'" + span.getName() + "' : " + span.getTraceId() + " " + span.getSpanId() + " " + span.getKind()
              + " [tracer: " + scope.getName() + ":" + (scope.getVersion() == null ? "" : scope.getVersion()) + "] "
              + attributes(span));
    }
    return CompletableResultCode.ofSuccess();
  }

  private static String attributes(SpanData span) {
    StringBuilder out = new StringBuilder("{");
    span.getAttributes()
        .forEach(
            (key, value) -> {
              if (out.length() > 1) {
                out.append(", ");
              }
              out.append(key.getKey()).append('=').append(value);
            });
    return out.append('}').toString();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public String toString() {
    return "ConsoleSpanExporter{stdout}";
  }
}
