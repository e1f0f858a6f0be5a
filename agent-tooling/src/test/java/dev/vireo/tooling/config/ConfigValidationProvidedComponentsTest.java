package dev.vireo.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Names that extensions provide are valid; without the extension they are still replaced. */
class ConfigValidationProvidedComponentsTest {

  private static final String SETTINGS =
      "otel.traces.sampler=Custom_Sampler;otel.propagators=tracecontext,custom-propagator;"
          + "otel.traces.exporter=otlp,custom-spans;otel.metrics.exporter=custom-metrics";

  @Test
  void providedNamesAreKept() {
    ProvidedComponents provided = new ProvidedComponents();
    provided.addSampler("custom_sampler");
    provided.addPropagator("custom-propagator");
    provided.addSpanExporter("custom-spans");
    provided.addOtherExporter("custom-metrics");

    AgentConfig config = ConfigValidation.validate(load(), provided);

    assertThat(config.getString("otel.traces.sampler")).isEqualTo("Custom_Sampler");
    assertThat(config.getString("otel.propagators")).isEqualTo("tracecontext,custom-propagator");
    assertThat(config.getString("otel.traces.exporter")).isEqualTo("otlp,custom-spans");
    assertThat(config.getString("otel.metrics.exporter")).isEqualTo("custom-metrics");
  }

  @Test
  void anExtensionsNameKeepsItsCaseWhileBuiltInNamesAreLowerCased() {
    ProvidedComponents provided = new ProvidedComponents();
    provided.addSpanExporter("Custom-Spans");
    AgentConfig config =
        ConfigValidation.validate(AgentConfig.load("otel.traces.exporter=Custom-Spans,OTLP"), provided);
    assertThat(config.getString("otel.traces.exporter")).isEqualTo("Custom-Spans,otlp");
  }

  @Test
  void unknownNamesAreStillReplaced() {
    AgentConfig config = ConfigValidation.validate(load(), ProvidedComponents.NONE);

    assertThat(config.getString("otel.traces.sampler")).isEqualTo("parentbased_always_on");
    assertThat(config.getString("otel.propagators")).isEqualTo("tracecontext,baggage");
    assertThat(config.getString("otel.traces.exporter")).isEqualTo("otlp");
    assertThat(config.getString("otel.metrics.exporter")).isEqualTo("otlp");
  }

  @Test
  void propagatorsFromExtensionsAreAccepted() {
    // the SDK would refuse an unknown propagator and export nothing at all
    AgentConfig settings =
        AgentConfig.load("otel.propagators=tracecontext,sky", Collections.<String, String>emptyMap(), new Properties());
    assertThat(ConfigValidation.validate(settings, ProvidedComponents.NONE).getString("otel.propagators"))
        .isEqualTo("tracecontext,baggage");
    ProvidedComponents provided = new ProvidedComponents();
    provided.addPropagator("sky");
    assertThat(ConfigValidation.validate(settings, provided).getString("otel.propagators"))
        .isEqualTo("tracecontext,sky");
  }

  private static AgentConfig load() {
    return AgentConfig.load(SETTINGS, Collections.<String, String>emptyMap(), new Properties());
  }
}
