package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.tooling.config.ConfigValidation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

/** Issue 25, item 9: values that used to make the SDK refuse to start (so no span was exported at all). */
class BadSettingsStillExportTest {

  @Test
  void everyBadValueAtOnceStillExportsSpans() {
    String agentArgs =
        String.join(
            ";",
            "otel.traces.exporter=none",
            "otel.metrics.exporter=none",
            "otel.exporter.otlp.headers=api-key",
            "otel.resource.attributes=team=payments,broken",
            "otel.bsp.export.timeout=99999999999999999999",
            "otel.exporter.otlp.certificate=/no/such/ca.pem",
            "otel.metric.export.interval=-1",
            "otel.attribute.value.length.limit=-1",
            "otel.span.attribute.count.limit=abc",
            "otel.bsp.max.queue.size=999999999");
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    AgentSdk sdk = sdkExportingTo(exporter, agentArgs);
    try {
      sdk.get().getTracer("test").spanBuilder("still exported").startSpan().end();
      // before shutdown: the in-memory exporter forgets its spans when shut down
      assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("still exported");
      SpanData span = exporter.getFinishedSpanItems().get(0);
      assertThat(span.getResource().getAttribute(AttributeKey.stringKey("team"))).isEqualTo("payments");
    } finally {
      sdk.shutdown();
    }
  }

  @Test
  void upperCaseNamesStillExportSpans() {
    // the SDK compares these names exactly: NONE used to fail it, and with it every span
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    String upperCase =
        "otel.traces.exporter=NONE;otel.metrics.exporter=NONE;otel.logs.exporter=NONE;"
            + "otel.propagators=TraceContext,Baggage;otel.traces.sampler=ALWAYS_ON;otel.exporter.otlp.protocol=GRPC";
    AgentSdk sdk = sdkExportingTo(exporter, upperCase);
    try {
      sdk.get().getTracer("test").spanBuilder("upper case").startSpan().end();
      assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("upper case");
    } finally {
      sdk.shutdown();
    }
  }

  @Test
  void prometheusAndLoggingOtlpBuild() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    String prometheus =
        "otel.traces.exporter=logging-otlp;otel.metrics.exporter=prometheus;"
            + "otel.exporter.prometheus.host=127.0.0.1;otel.exporter.prometheus.port=" + port;
    AgentSdk sdk = sdkExportingTo(exporter, prometheus);
    try {
      sdk.get().getMeter("test").counterBuilder("checkouts").build().add(3);
      sdk.get().getTracer("test").spanBuilder("with prometheus").startSpan().end();
      assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("with prometheus");
      java.net.http.HttpResponse<String> scraped =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(scraped.body()).contains("checkouts_total{otel_scope_name=\"test\"} 3.0");
    } finally {
      sdk.shutdown();
    }
  }

  /** The agent's SDK built from the validated agent arguments, every span also handed to the in-memory exporter. */
  private AgentSdk sdkExportingTo(InMemorySpanExporter exporter, String agentArgs) {
    return new AgentSdk(
        ConfigValidation.validate(AgentConfig.load(agentArgs)),
        getClass().getClassLoader(),
        builder -> builder.addTracerProviderCustomizer(
            (tracerProvider, properties) -> tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(exporter))));
  }
}
