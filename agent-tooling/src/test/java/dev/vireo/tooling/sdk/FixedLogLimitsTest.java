package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.logs.LogLimits;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log limits the agent's SDK applies, read once from {@code otel.attribute.*.limit}. */
class FixedLogLimitsTest {

  private AgentSdk sdk;

  @AfterEach
  void shutdown() {
    if (sdk != null) {
      sdk.shutdown();
    }
  }

  @Test
  void configuredLimitsApplyToEveryRecord() {
    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    sdk =
        new AgentSdk(
            AgentConfig.load(
                "otel.traces.exporter=none;otel.metrics.exporter=none;otel.logs.exporter=console;"
                    + "otel.attribute.value.length.limit=5;otel.attribute.count.limit=2"),
            getClass().getClassLoader(),
            builder ->
                builder.addLoggerProviderCustomizer(
                    (logs, config) -> logs.addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))));

    for (int i = 0; i < 2; i++) {
      sdk.get()
          .getLogsBridge()
          .get("app")
          .logRecordBuilder()
          .setAttribute(AttributeKey.stringKey("a"), "abcdefgh")
          .setAttribute(AttributeKey.stringKey("b"), "b")
          .setAttribute(AttributeKey.stringKey("c"), "c")
          .emit();
    }

    assertThat(exporter.getFinishedLogRecordItems()).hasSize(2);
    for (LogRecordData record : exporter.getFinishedLogRecordItems()) {
      assertThat(record.getAttributes().size()).isEqualTo(2);
      assertThat(record.getAttributes().get(AttributeKey.stringKey("a"))).isEqualTo("abcde");
      assertThat(record.getTotalAttributeCount()).isEqualTo(3);
    }
  }

  @Test
  void readsTheSettingsAsTheAutoconfigurationDoes() {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.attribute.value.length.limit", "7");
    settings.put("otel.attribute.count.limit", "9");

    LogLimits limits = FixedLogLimits.read(DefaultConfigProperties.createFromMap(settings));

    assertThat(limits.getMaxAttributeValueLength()).isEqualTo(7);
    assertThat(limits.getMaxNumberOfAttributes()).isEqualTo(9);
    assertThat(FixedLogLimits.read(DefaultConfigProperties.createFromMap(Collections.emptyMap())))
        .isEqualTo(LogLimits.getDefault());
  }
}
