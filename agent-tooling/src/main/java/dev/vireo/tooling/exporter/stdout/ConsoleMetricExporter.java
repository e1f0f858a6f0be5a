package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;

/**
 * {@code otel.metrics.exporter=console} (or {@code logging}): one line per metric and export on standard output:
 * {@code metric 'http.client.request.duration' s HISTOGRAM [meter: <scope>] 2 points: {http.request.method=GET,
 * ...}, ...}.
 */
public final class ConsoleMetricExporter implements MetricExporter {

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    for (MetricData metric : metrics) {
      StringBuilder points = new StringBuilder();
      for (PointData point : metric.getData().getPoints()) {
        points.append(points.length() == 0 ? "" : ", ").append(point.getAttributes().asMap());
      }
      StdoutLines.print(
          "metric '" + metric.getName() + "' " + metric.getUnit() + " " + metric.getType() + " [meter: "
              + metric.getInstrumentationScopeInfo().getName() + "] " + metric.getData().getPoints().size()
              + " points: " + points);
    }
    return CompletableResultCode.ofSuccess();
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
}
