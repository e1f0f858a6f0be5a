package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;

/** {@code otel.logs.exporter=logging-otlp}: each export request as one line of OTLP JSON on standard output. */
public final class OtlpJsonLogRecordExporter implements LogRecordExporter {

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    return StdoutLines.printJson(LogsRequestMarshaler.create(logs));
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
  public static final class Provider implements ConfigurableLogRecordExporterProvider {
    @Override
    public LogRecordExporter createExporter(ConfigProperties config) {
      return new OtlpJsonLogRecordExporter();
    }

    @Override
    public String getName() {
      return "logging-otlp";
    }
  }
}
