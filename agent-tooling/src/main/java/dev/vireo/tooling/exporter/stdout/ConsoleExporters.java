package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;

/**
 * Puts {@code console}/{@code logging} on standard output: the SDK's own logging exporters write to
 * java.util.logging, which prints nothing by default under the agent and belongs to the application.
 */
public final class ConsoleExporters {

  private ConsoleExporters() {}

  public static void replaceLoggingExporters(AutoConfiguredOpenTelemetrySdkBuilder builder) {
    builder
        .addSpanExporterCustomizer(
            (exporter, properties) ->
                exporter.getClass().getName().equals("io.opentelemetry.exporter.logging.LoggingSpanExporter")
                    ? new ConsoleSpanExporter()
                    : exporter)
        .addMetricExporterCustomizer(
            (exporter, properties) ->
                exporter.getClass().getName().equals("io.opentelemetry.exporter.logging.LoggingMetricExporter")
                    ? new ConsoleMetricExporter()
                    : exporter);
  }
}
