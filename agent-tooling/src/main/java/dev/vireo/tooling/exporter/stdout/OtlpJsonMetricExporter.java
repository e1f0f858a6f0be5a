package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;

/** {@code otel.metrics.exporter=logging-otlp}: each export request as one line of OTLP JSON on standard output. */
public final class OtlpJsonMetricExporter implements MetricExporter {

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    return StdoutLines.printJson(MetricsRequestMarshaler.create(metrics));
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
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
  public static final class Provider implements ConfigurableMetricExporterProvider {
    @Override
    public MetricExporter createExporter(ConfigProperties config) {
      return new OtlpJsonMetricExporter();
    }

    @Override
    public String getName() {
      return "logging-otlp";
    }
  }
}
