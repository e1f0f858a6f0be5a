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
        "otel.logs.exporter|nope|otlp",
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
        "otel.bsp.schedule.delay|250ms|250",
        "otel.exporter.otlp.timeout|10 seconds|10000",
        "otel.exporter.otlp.compression|brotli|none",
        "otel.metrics.exemplar.filter|sometimes|trace_based",
        "otel.exporter.otlp.metrics.temporality.preference|weekly|cumulative",
        "otel.exporter.otlp.metrics.temporality.preference|delta|delta",
        "otel.exporter.otlp.metrics.default.histogram.aggregation|buckets|explicit_bucket_histogram",
        // issue 25, item 9: values the SDK would refuse, each replaced on its own
        "otel.metrics.exporter|prometheus|prometheus",
        "otel.traces.exporter|logging-otlp|logging-otlp",
        "otel.traces.exporter|prometheus|otlp",
        "otel.logs.exporter|prometheus|otlp",
        "otel.bsp.export.timeout|99999999999999999999|30000",
        "otel.bsp.export.timeout|9999999999d|30000",
        "otel.metric.export.interval|-1|60000",
        "otel.attribute.value.length.limit|-1|",
        "otel.span.attribute.count.limit|abc|",
        "otel.span.attribute.count.limit|64|64",
        "otel.exporter.otlp.headers|api-key|",
        "otel.exporter.otlp.headers|a=1,broken,b=2|a=1,b=2",
        "otel.exporter.otlp.traces.headers|x=%zz|",
        "otel.resource.attributes|team=payments,oops|team=payments",
        "otel.exporter.otlp.certificate|/no/such/ca.pem|",
        "otel.exporter.otlp.metrics.client.key|/no/such/key.pem|",
        // item 10: a queue of 10^9 slots is an OutOfMemoryError
        "otel.bsp.max.queue.size|999999999|65536",
        "otel.bsp.max.export.batch.size|100000|65536",
        // item 11: a schedule delay of 0 makes the export thread spin
        "otel.bsp.schedule.delay|0|100",
        "otel.blrp.schedule.delay|0ms|100",
        "otel.metric.export.interval|10ms|1000",
        // item 12: silently misread values
        "otel.exporter.otlp.endpoint|http://127.0.0.1:99999|http://localhost:4318",
        "otel.javaagent.enabled|maybe|",
        "otel.instrumentation.common.default-enabled|maybe|",
        "otel.instrumentation.jdbc.enabled|0|",
        "otel.javaagent.debug|yes|",
        "otel.javaagent.debug|TRUE|TRUE",
        // one duration syntax everywhere (ms, s, m, h, d)
        "otel.javaagent.shutdown.timeout|1m|60000",
        "otel.javaagent.shutdown.timeout|2s|2000",
        "otel.javaagent.shutdown.timeout|soon|5000",
        "otel.exporter.otlp.timeout|1h|3600000",
        "otel.bsp.export.timeout|1d|86400000",
        // item 14
        "otel.propagators|tracecontext,baggage,xray|tracecontext,baggage,xray",
        // names compare ignoring case (the specification's enum values) and reach the SDK in lower case
        "otel.metrics.exporter|NONE|none",
        "otel.traces.exporter|OTLP, Console|otlp,console",
        "otel.logs.exporter|None|none",
        "otel.propagators|TraceContext,Baggage|tracecontext,baggage",
        "otel.exporter.otlp.protocol|GRPC|grpc",
        "otel.exporter.otlp.traces.protocol|Http/Protobuf|http/protobuf",
        "otel.exporter.otlp.compression|GZIP|gzip",
        "otel.traces.sampler|ALWAYS_ON|always_on",
        "otel.exporter.otlp.metrics.temporality.preference|Delta|delta",
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
