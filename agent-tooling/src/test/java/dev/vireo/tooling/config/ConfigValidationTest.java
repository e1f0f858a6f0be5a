package dev.vireo.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidationTest {

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "otel.traces.exporter|zipkin-ish|otlp",
        "otel.traces.exporter|otlp,bogus|otlp",
        "otel.traces.exporter|console|console",
        "otel.metrics.exporter|nope|otlp",
        "otel.logs.exporter|nope|none",
        "otel.propagators|tracecontext,nope|tracecontext,baggage",
        "otel.propagators|b3multi|b3multi",
        "otel.exporter.otlp.protocol|http/json|http/protobuf",
        "otel.exporter.otlp.protocol|grpc|grpc",
        "otel.exporter.otlp.endpoint|not a url|http://localhost:4318",
        "otel.exporter.otlp.endpoint|ftp://collector:21|http://localhost:4318",
        "otel.exporter.otlp.endpoint|https://collector:4318|https://collector:4318",
        "otel.exporter.otlp.traces.endpoint|collector:4318|http://localhost:4318/v1/traces",
        "otel.traces.sampler|sometimes|parentbased_always_on",
        "otel.bsp.max.queue.size|-5|2048",
        "otel.bsp.max.queue.size|0|2048",
        "otel.bsp.max.queue.size|4096|4096",
        "otel.bsp.schedule.delay|soon|5000",
        "otel.bsp.schedule.delay|250ms|250ms",
        "otel.exporter.otlp.timeout|10 seconds|10000",
        "otel.exporter.otlp.compression|brotli|none",
      })
  void invalidValuesFallBack(String key, String value, String expected) {
    Properties system = new Properties();
    system.setProperty(key, value);
    AgentConfig validated = ConfigValidation.validate(AgentConfig.load(null, Map.of(), system));
    assertThat(validated.getString(key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "sampler {0} arg {1} -> {2}")
  @CsvSource({
    "traceidratio, 7, 1.0",
    "parentbased_traceidratio, -0.1, 1.0",
    "traceidratio, half, 1.0",
    "traceidratio, 0.25, 0.25",
    "always_on, 7, 7",
  })
  void ratioIsCheckedForRatioSamplers(String sampler, String arg, String expected) {
    Properties system = new Properties();
    system.setProperty("otel.traces.sampler", sampler);
    system.setProperty("otel.traces.sampler.arg", arg);
    AgentConfig validated = ConfigValidation.validate(AgentConfig.load(null, Map.of(), system));
    assertThat(validated.getString("otel.traces.sampler.arg")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"grpc, http://localhost:4317", "http/protobuf, http://localhost:4318"})
  void endpointFallbackFollowsTheProtocol(String protocol, String expected) {
    Properties system = new Properties();
    system.setProperty("otel.exporter.otlp.protocol", protocol);
    system.setProperty("otel.exporter.otlp.endpoint", "::");
    AgentConfig validated = ConfigValidation.validate(AgentConfig.load(null, Map.of(), system));
    assertThat(validated.getString("otel.exporter.otlp.endpoint")).isEqualTo(expected);
  }
}
