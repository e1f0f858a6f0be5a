package dev.vireo.instrumentation.kafka.metrics;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Adds the agent's {@link KafkaMetricsReporter} to the {@code metric.reporters} of a producer's or consumer's
 * configuration, before Kafka reads it; the application's own reporters stay. {@code
 * otel.instrumentation.kafka.metric-reporter.enabled=false} leaves every configuration as it is.
 */
public final class MetricReporterConfigs {

  static final String METRIC_REPORTERS = "metric.reporters";

  private static final boolean ENABLED =
      InstrumentationConfig.get().getBoolean("otel.instrumentation.kafka.metric-reporter.enabled", true);

  private MetricReporterConfigs() {}

  /** The configuration, copied, with the reporter added; null to leave it as it is (it has it, or is not a map). */
  public static Object[] withReporter(Object configs) {
    if (!ENABLED || !(configs instanceof Map)) {
      return null;
    }
    Map<?, ?> given = (Map<?, ?>) configs;
    List<Object> reporters = reporters(given.get(METRIC_REPORTERS));
    if (reporters == null) {
      return null;
    }
    for (Object reporter : reporters) {
      if (reporter == KafkaMetricsReporter.class || KafkaMetricsReporter.class.getName().equals(reporter)) {
        return null;
      }
    }
    // the class, not its name: Kafka would look the name up in a class loader that need not see the agent's classes
    reporters.add(KafkaMetricsReporter.class);
    Map<Object, Object> copy = configs instanceof Properties ? new Properties() : new HashMap<>();
    copy.putAll(given);
    copy.put(METRIC_REPORTERS, reporters);
    return new Object[] {copy};
  }

  /** The configured reporters as a list Kafka accepts; null when the value is of a kind Kafka would refuse anyway. */
  private static List<Object> reporters(Object configured) {
    List<Object> reporters = new ArrayList<>();
    if (configured instanceof String) {
      for (String name : ((String) configured).split(",")) {
        if (!name.trim().isEmpty()) {
          reporters.add(name.trim());
        }
      }
    } else if (configured instanceof List) {
      reporters.addAll((List<?>) configured);
    } else if (configured != null) {
      return null;
    }
    return reporters;
  }
}
