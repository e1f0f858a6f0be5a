package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** {@code otel.traces.exporter=logging-otlp}: each export request as one line of OTLP JSON on standard output. */
public final class OtlpJsonSpanExporter implements SpanExporter {

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return StdoutLines.printJson(TraceRequestMarshaler.create(spans));
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** Found by the SDK's autoconfiguration through META-INF/services. */
  public static final class Provider implements ConfigurableSpanExporterProvider {
    @Override
    public SpanExporter createExporter(ConfigProperties config) {
      return new OtlpJsonSpanExporter();
    }

    @Override
    public String getName() {
      return "logging-otlp";
    }
  }
}
