package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which logger provider instrumentations get, by {@code otel.logs.exporter}. */
class AgentSdkLogsTest {

  private static final String NO_SPANS_OR_METRICS = "otel.traces.exporter=none;otel.metrics.exporter=none;";

  private AgentSdk sdk;

  @AfterEach
  void shutdown() {
    if (sdk != null) {
      sdk.shutdown();
    }
  }

  @Test
  void logsExporterDefaultsToOtlp() {
    assertThat(AgentSdk.DEFAULTS).containsEntry("otel.logs.exporter", "otlp");
  }

  @Test
  void withLogsExporterNoneNoLogRecordIsBuilt() {
    sdk =
        new AgentSdk(
            AgentConfig.load(NO_SPANS_OR_METRICS + "otel.logs.exporter=none"), getClass().getClassLoader(), SdkCustomizer.NONE);

    assertThat(sdk.get().getLogsBridge()).isSameAs(LoggerProvider.noop());
  }

  @Test
  void withALogsExporterInstrumentationsEmitToTheSdk() {
    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    sdk =
        new AgentSdk(
            AgentConfig.load(NO_SPANS_OR_METRICS + "otel.logs.exporter=console"),
            getClass().getClassLoader(),
            builder ->
                builder.addLoggerProviderCustomizer(
                    (logs, config) -> logs.addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))));

    sdk.get().getLogsBridge().get("app").logRecordBuilder().setBody("hello").emit();

    assertThat(exporter.getFinishedLogRecordItems()).hasSize(1);
    assertThat(exporter.getFinishedLogRecordItems().get(0).getBodyValue().asString()).isEqualTo("hello");
  }

  @Test
  void anEmbeddersLogRecordProcessorGetsRecordsEvenWithLogsExporterNone() {
    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    sdk =
        new AgentSdk(
            AgentConfig.load(NO_SPANS_OR_METRICS + "otel.logs.exporter=none"),
            getClass().getClassLoader(),
            new SdkCustomizer() {
              @Override
              public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
                builder.addLoggerProviderCustomizer(
                    (logs, config) -> logs.addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)));
              }

              @Override
              public boolean addsLogRecordProcessor() {
                return true;
              }
            });

    sdk.get().getLogsBridge().get("app").logRecordBuilder().setBody("kept").emit();

    assertThat(exporter.getFinishedLogRecordItems()).hasSize(1);
  }
}
