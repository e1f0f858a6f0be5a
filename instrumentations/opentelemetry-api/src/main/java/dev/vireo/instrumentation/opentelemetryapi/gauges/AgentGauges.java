package dev.vireo.instrumentation.opentelemetryapi.gauges;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.LongGauge;

/** Sets the agent SDK's synchronous gauges (crossing as {@code Object}) for the application's. */
public final class AgentGauges {

  private AgentGauges() {}

  public static void set(Object gauge, long value, Object attributes) {
    if (gauge instanceof LongGauge) {
      ((LongGauge) gauge).set(value, (Attributes) attributes);
    } else if (gauge instanceof DoubleGauge) {
      ((DoubleGauge) gauge).set(value, (Attributes) attributes);
    }
  }

  public static void set(Object gauge, double value, Object attributes) {
    if (gauge instanceof DoubleGauge) {
      ((DoubleGauge) gauge).set(value, (Attributes) attributes);
    }
  }

  public static boolean isEnabled(Object gauge) {
    if (gauge instanceof LongGauge) {
      return ((LongGauge) gauge).isEnabled();
    }
    return !(gauge instanceof DoubleGauge) || ((DoubleGauge) gauge).isEnabled();
  }

  public static Object noAttributes() {
    return Attributes.empty();
  }
}
