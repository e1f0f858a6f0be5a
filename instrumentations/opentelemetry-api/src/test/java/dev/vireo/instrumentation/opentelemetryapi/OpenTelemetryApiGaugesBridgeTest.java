package dev.vireo.instrumentation.opentelemetryapi;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's synchronous gauges (API 1.38 and later, here the newest) are the agent's: the
 * last value set is exported with the agent's SDK. (API 1.32 has no synchronous gauges: the module is
 * skipped there, and {@link OpenTelemetryApiMetricsBridgeTest} shows the rest of the bridge unaffected.)
 */
@ExtendWith(AgentTestingExtension.class)
class OpenTelemetryApiGaugesBridgeTest {

  @Test
  void synchronousGaugesExportTheLastValueSet() {
    Consumer<String> gauges =
        ApplicationApiClassLoader.forVersion("newest").newInstance("dev.vireo.testapp.otelapi.GaugeMetrics");
    gauges.accept("shop.gauges");

    List<MetricData> shop =
        AgentTesting.collectMetrics().stream()
            .filter(m -> m.getInstrumentationScopeInfo().getName().equals("shop.gauges"))
            .collect(Collectors.toList());
    assertThat(shop.stream().map(MetricData::getName).sorted().collect(Collectors.toList()))
        .containsExactly("shop.checkout.queue", "shop.freezer.temperature");

    MetricData temperature = byName(shop, "shop.freezer.temperature");
    assertThat(temperature.getDescription()).isEqualTo("Freezer temperature");
    assertThat(temperature.getUnit()).isEqualTo("Cel");
    assertThat(temperature.getDoubleGaugeData().getPoints()).hasSize(1);
    DoublePointData degrees = temperature.getDoubleGaugeData().getPoints().iterator().next();
    assertThat(degrees.getValue()).isEqualTo(-18.25);
    assertThat(degrees.getAttributes()).isEqualTo(Attributes.of(stringKey("freezer"), "north"));

    MetricData queue = byName(shop, "shop.checkout.queue");
    assertThat(queue.getLongGaugeData().getPoints()).hasSize(1);
    LongPointData length = queue.getLongGaugeData().getPoints().iterator().next();
    assertThat(length.getValue()).isEqualTo(2);
    assertThat(length.getAttributes()).isEqualTo(Attributes.empty());
  }

  private static MetricData byName(List<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow(AssertionError::new);
  }
}
