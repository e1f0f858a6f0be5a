package dev.vireo.tooling.exporter;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stands for an OpenTelemetry SDK of the application's own: {@link SdkLogRoutingTest} loads it through a class
 * loader of its own, so its frames do not belong to the agent.
 */
public final class ApplicationSdkLogging implements Runnable {

  @Override
  public void run() {
    Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter")
        .log(Level.INFO, "'GET /app' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 SERVER");
    Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor").log(Level.WARNING, "BatchSpanProcessor dropped 3 span(s)");
  }
}
