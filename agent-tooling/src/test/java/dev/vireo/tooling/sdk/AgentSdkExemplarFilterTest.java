package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** No exemplars are offered when no metric is exported; otherwise the SDK's default or the user's filter holds. */
class AgentSdkExemplarFilterTest {

  private static final String NO_EXPORT = "otel.traces.exporter=none;otel.logs.exporter=none;";

  @Test
  void metricsExporterNoneTurnsExemplarsOff() {
    assertThat(filterSeenBySdk(NO_EXPORT + "otel.metrics.exporter=none")).isEqualTo("always_off");
  }

  @Test
  void aUsersFilterIsKeptEvenWithoutMetricExport() {
    assertThat(filterSeenBySdk(NO_EXPORT + "otel.metrics.exporter=none;otel.metrics.exemplar.filter=always_on"))
        .isEqualTo("always_on");
  }

  @Test
  void exportedMetricsKeepTheTraceBasedDefault() {
    assertThat(filterSeenBySdk(NO_EXPORT + "otel.metrics.exporter=console")).isNull();
  }

  /** The exemplar filter setting as the SDK's meter provider configuration reads it (null: the SDK's default). */
  private static String filterSeenBySdk(String agentArgs) {
    AtomicReference<String> seen = new AtomicReference<>("not built");
    AgentSdk sdk =
        new AgentSdk(
            AgentConfig.load(agentArgs),
            AgentSdkExemplarFilterTest.class.getClassLoader(),
            builder -> builder.addMeterProviderCustomizer((meterProvider, config) -> {
              seen.set(config.getString(AgentSdk.EXEMPLAR_FILTER));
              return meterProvider;
            }));
    sdk.get();
    sdk.shutdown();
    return seen.get();
  }
}
