package dev.vireo.instrumentation.api;

import io.opentelemetry.api.OpenTelemetry;
import java.util.function.Supplier;

/**
 * Where instrumentations get the agent's OpenTelemetry. The agent installs a supplier that builds
 * the SDK on first use, so nothing of the exporter stack is loaded before the first span.
 */
public final class VireoTelemetry {

  private static volatile Supplier<OpenTelemetry> supplier = OpenTelemetry::noop;
  private static volatile OpenTelemetry instance;

  private VireoTelemetry() {}

  public static OpenTelemetry get() {
    OpenTelemetry current = instance;
    if (current == null) {
      synchronized (VireoTelemetry.class) {
        current = instance;
        if (current == null) {
          current = supplier.get();
          instance = current;
        }
      }
    }
    return current;
  }

  /** Called once by the agent installer (and by the test harness). */
  public static void install(Supplier<OpenTelemetry> openTelemetrySupplier) {
    synchronized (VireoTelemetry.class) {
      supplier = openTelemetrySupplier;
      instance = null;
    }
  }
}
