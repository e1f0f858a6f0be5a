package dev.vireo.instrumentation.kafka.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked") // the copies hold Kafka's List<Object>
class MetricReporterConfigsTest {

  @Test
  void theReporterIsAddedToACopyAndTheApplicationsReportersStay() {
    Map<String, Object> given = new HashMap<>();
    given.put("bootstrap.servers", "b:9092");
    given.put("metric.reporters", "com.example.OwnReporter, com.example.Other");

    Object[] changed = MetricReporterConfigs.withReporter(given);

    assertThat(changed).hasSize(1);
    Map<?, ?> copy = (Map<?, ?>) changed[0];
    assertThat(copy.get("bootstrap.servers")).isEqualTo("b:9092");
    assertThat((List<Object>) copy.get("metric.reporters"))
        .containsExactly("com.example.OwnReporter", "com.example.Other", KafkaMetricsReporter.class);
    assertThat(given.get("metric.reporters")).isEqualTo("com.example.OwnReporter, com.example.Other");
  }

  @Test
  void propertiesStayProperties() {
    Properties given = new Properties();
    given.put("client.id", "orders");

    Object[] changed = MetricReporterConfigs.withReporter(given);

    assertThat(changed[0]).isInstanceOf(Properties.class);
    assertThat(((Properties) changed[0]).get("client.id")).isEqualTo("orders");
    assertThat((List<Object>) ((Properties) changed[0]).get("metric.reporters")).containsExactly(KafkaMetricsReporter.class);
  }

  @Test
  void aListKeepsItsEntriesAndTheReporterIsAddedOnce() {
    Map<String, Object> given = new HashMap<>();
    given.put("metric.reporters", List.of(String.class));
    Map<?, ?> once = (Map<?, ?>) MetricReporterConfigs.withReporter(given)[0];

    assertThat((List<Object>) once.get("metric.reporters")).containsExactly(String.class, KafkaMetricsReporter.class);
    assertThat(MetricReporterConfigs.withReporter(once)).isNull();
    assertThat(MetricReporterConfigs.withReporter(Map.of("metric.reporters", KafkaMetricsReporter.class.getName())))
        .isNull();
  }

  @Test
  void whatKafkaWouldRefuseIsLeftToKafka() {
    assertThat(MetricReporterConfigs.withReporter(Map.of("metric.reporters", 42))).isNull();
    assertThat(MetricReporterConfigs.withReporter("not a map")).isNull();
    assertThat(MetricReporterConfigs.withReporter(null)).isNull();
  }
}
