package dev.vireo.instrumentation.api;

import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where instrumentations get the agent's OpenTelemetry. The agent installs a supplier that builds
 * the SDK on first use, so nothing of the exporter stack is loaded before the first span.
 */
public final class VireoTelemetry {

  private static volatile Supplier<OpenTelemetry> supplier = OpenTelemetry::noop;
  private static volatile OpenTelemetry instance;
  /** What waits for the first {@link #get()}; guarded by the class. */
  private static final List<Consumer<OpenTelemetry>> whenBuilt = new ArrayList<>();

  private VireoTelemetry() {}

  public static OpenTelemetry get() {
    OpenTelemetry current = instance;
    if (current == null) {
      synchronized (VireoTelemetry.class) {
        current = instance;
        if (current == null) {
          current = supplier.get();
          instance = current;
          for (Consumer<OpenTelemetry> action : whenBuilt) {
            run(action, current);
          }
          whenBuilt.clear();
        }
      }
    }
    return current;
  }

  /**
   * Runs {@code action} with the agent's OpenTelemetry once it is built (by the first span, or by the first metric
   * export), at once if it is; never builds it. For what a library sets up before the application's first span, a
   * connection pool's gauges say, which should not move the SDK's build into the application's start-up. The action
   * runs on the thread that builds it and should be short; what it throws is logged.
   */
  public static void whenBuilt(Consumer<OpenTelemetry> action) {
    OpenTelemetry current = instance;
    if (current == null) {
      synchronized (VireoTelemetry.class) {
        current = instance;
        if (current == null) {
          whenBuilt.add(action);
          return;
        }
      }
    }
    run(action, current);
  }

  /** Whether a setup waits for the build ({@link #whenBuilt}): the first metric export then builds the SDK. */
  public static boolean isAwaited() {
    synchronized (VireoTelemetry.class) {
      return instance == null && !whenBuilt.isEmpty();
    }
  }

  private static void run(Consumer<OpenTelemetry> action, OpenTelemetry telemetry) {
    try {
      action.accept(telemetry);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warn("a setup waiting for the OpenTelemetry SDK failed ({})", e.toString());
    }
  }

  /** Called once by the agent installer (and by the test harness). */
  public static void install(Supplier<OpenTelemetry> openTelemetrySupplier) {
    synchronized (VireoTelemetry.class) {
      supplier = openTelemetrySupplier;
      instance = null;
    }
  }
}
