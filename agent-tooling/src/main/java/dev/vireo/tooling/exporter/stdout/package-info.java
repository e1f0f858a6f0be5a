/**
 * Exporters that write to the application's standard output: {@code console} (one line per span) and {@code
 * logging-otlp} (OTLP JSON, one export request per line, for all signals), as the OpenTelemetry Java agent
 * offers them. The SDK's own logging exporters write to java.util.logging, which prints nothing by default
 * under an agent and belongs to the application.
 */
package dev.vireo.tooling.exporter.stdout;
