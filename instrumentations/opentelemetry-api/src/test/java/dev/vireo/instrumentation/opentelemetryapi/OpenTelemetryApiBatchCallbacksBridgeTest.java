package dev.vireo.instrumentation.opentelemetryapi;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The application's batch callbacks (API 1.15 and later) run by the agent's SDK at collection. */
@ExtendWith(AgentTestingExtension.class)
class OpenTelemetryApiBatchCallbacksBridgeTest {

  @ParameterizedTest
  @ValueSource(strings = {"middle", "newest"})
  void batchCallbackRecordsEveryMeasurementAtCollection(String apiVersion) {
    String meterName = "shop.batch." + apiVersion;
    String closedMeterName = meterName + ".closed";
    Consumer<String> batch =
        ApplicationApiClassLoader.forVersion(apiVersion).newInstance("dev.vireo.testapp.otelapi.BatchMetrics");
    batch.accept(meterName);
    batch.accept(closedMeterName);

    Collection<MetricData> all = AgentTesting.collectMetrics();
    List<MetricData> shop = scope(all, meterName);
    assertThat(shop.stream().map(MetricData::getName).sorted().collect(Collectors.toList()))
        .containsExactly("shop.jobs.queued", "shop.load");

    MetricData queued = byName(shop, "shop.jobs.queued");
    assertThat(queued.getDescription()).isEqualTo("Jobs waiting");
    assertThat(queued.getUnit()).isEqualTo("{job}");
    assertThat(queued.getLongSumData().isMonotonic()).isFalse();
    assertThat(queued.getLongSumData().getPoints()).hasSize(1);
    LongPointData jobs = queued.getLongSumData().getPoints().iterator().next();
    assertThat(jobs.getValue()).isEqualTo(7);
    assertThat(jobs.getAttributes()).isEqualTo(Attributes.of(stringKey("queue"), "email"));

    MetricData load = byName(shop, "shop.load");
    assertThat(load.getDoubleGaugeData().getPoints()).hasSize(1);
    DoublePointData loadPoint = load.getDoubleGaugeData().getPoints().iterator().next();
    assertThat(loadPoint.getValue()).isEqualTo(0.75);
    assertThat(loadPoint.getAttributes()).isEqualTo(Attributes.empty());

    // the callback closed at once never ran: its instruments have no points
    assertThat(scope(all, closedMeterName))
        .allSatisfy(metric -> assertThat(metric.isEmpty()).as(metric.getName()).isTrue());
  }

  private static List<MetricData> scope(Collection<MetricData> metrics, String meterName) {
    return metrics.stream()
        .filter(m -> m.getInstrumentationScopeInfo().getName().equals(meterName))
        .collect(Collectors.toList());
  }

  private static MetricData byName(List<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow(AssertionError::new);
  }
}
