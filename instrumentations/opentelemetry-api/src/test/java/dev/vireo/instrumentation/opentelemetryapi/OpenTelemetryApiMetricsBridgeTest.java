package dev.vireo.instrumentation.opentelemetryapi;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Application metrics (API versions that have the metrics API) exported by the agent's SDK. */
@ExtendWith(AgentTestingExtension.class)
class OpenTelemetryApiMetricsBridgeTest {

  @ParameterizedTest
  @ValueSource(strings = {"middle", "newest"})
  void countersHistogramsAndGaugesOfTheApplicationAreTheAgents(String apiVersion) {
    Consumer<String> orderMetrics =
        ApplicationApiClassLoader.forVersion(apiVersion).newInstance("dev.vireo.testapp.otelapi.OrderMetrics");
    String meterName = "shop.orders." + apiVersion;
    orderMetrics.accept(meterName);

    List<MetricData> shop = new ArrayList<>();
    Collection<MetricData> all = AgentTesting.collectMetrics();
    for (MetricData metric : all) {
      if (metric.getInstrumentationScopeInfo().getName().equals(meterName)) {
        shop.add(metric);
      }
    }
    assertThat(shop.stream().map(MetricData::getName).sorted().collect(Collectors.toList()))
        .containsExactly("shop.order.value", "shop.orders.open", "shop.orders.placed", "shop.stock");

    MetricData placed = byName(shop, "shop.orders.placed");
    assertThat(placed.getDescription()).isEqualTo("Orders placed");
    assertThat(placed.getUnit()).isEqualTo("{order}");
    assertThat(placed.getLongSumData().isMonotonic()).isTrue();
    LongPointData placedPoint = placed.getLongSumData().getPoints().iterator().next();
    assertThat(placedPoint.getValue()).isEqualTo(3);
    assertThat(placedPoint.getAttributes()).isEqualTo(Attributes.of(stringKey("tier"), "gold"));

    MetricData open = byName(shop, "shop.orders.open");
    assertThat(open.getLongSumData().isMonotonic()).isFalse();
    assertThat(open.getLongSumData().getPoints().iterator().next().getValue()).isEqualTo(3);

    MetricData value = byName(shop, "shop.order.value");
    assertThat(value.getUnit()).isEqualTo("EUR");
    HistogramPointData histogram = value.getHistogramData().getPoints().iterator().next();
    assertThat(histogram.getCount()).isEqualTo(2);
    assertThat(histogram.getSum()).isEqualTo(20.0);

    MetricData stock = byName(shop, "shop.stock");
    LongPointData stockPoint = stock.getLongGaugeData().getPoints().iterator().next();
    assertThat(stockPoint.getValue()).isEqualTo(17);
    assertThat(stockPoint.getAttributes()).isEqualTo(Attributes.of(stringKey("item"), "apple"));
  }

  private static MetricData byName(List<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow(AssertionError::new);
  }

}
