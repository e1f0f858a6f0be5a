package dev.vireo.instrumentation.api.semconv.common;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.List;

/**
 * {@code otel.semconv-stability.opt-in}. Vireo emits the stable conventions by default; the
 * {@code <family>/dup} values additionally emit the older keys the OpenTelemetry agent still emits,
 * for users migrating dashboards.
 */
public final class SemconvStability {

  private SemconvStability() {}

  public static boolean emitOldDatabase() {
    return optedIn("database/dup");
  }

  public static boolean emitOldMessaging() {
    return optedIn("messaging/dup");
  }

  public static boolean emitOldRpc() {
    return optedIn("rpc/dup");
  }

  private static boolean optedIn(String value) {
    List<String> values = InstrumentationConfig.get().getList("otel.semconv-stability.opt-in");
    return values.contains(value);
  }
}
