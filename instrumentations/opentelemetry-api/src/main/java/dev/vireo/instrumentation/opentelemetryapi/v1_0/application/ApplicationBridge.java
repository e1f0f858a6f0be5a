package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.ContextStorage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the advice hands the application: the agent-backed storage and OpenTelemetry. A bridge that
 * fails to initialize leaves the application its own API (never an exception in its code).
 */
final class ApplicationBridge {

  private static final AtomicBoolean SET_WARNED = new AtomicBoolean();

  private ApplicationBridge() {}

  /** The bridged storage, or null (the original then runs). */
  static ContextStorage contextStorage() {
    try {
      return ApplicationContextStorage.INSTANCE;
    } catch (Throwable e) {
      return null;
    }
  }

  /** The bridged OpenTelemetry, or null (the original then runs). */
  static OpenTelemetry openTelemetry() {
    try {
      return ApplicationOpenTelemetry.INSTANCE;
    } catch (Throwable e) {
      return null;
    }
  }

  /** True: the application's {@code set} is skipped. */
  static boolean ignoreGlobalSet(Object applicationOpenTelemetry) {
    if (applicationOpenTelemetry == ApplicationOpenTelemetry.INSTANCE) {
      return true;
    }
    if (SET_WARNED.compareAndSet(false, true)) {
      AgentLog.warn(
          "the application called GlobalOpenTelemetry.set({}): two OpenTelemetry SDKs are active. Vireo keeps"
              + " tracing with its own and GlobalOpenTelemetry stays the agent's; what the application records through"
              + " its own SDK goes where that SDK exports",
          applicationOpenTelemetry == null ? "null" : applicationOpenTelemetry.getClass().getName());
    }
    return true;
  }
}
