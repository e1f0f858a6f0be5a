package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.tooling.config.ConfigValidation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the OTLP span and log exporters the agent builds marshal in {@code reusable_data} memory mode unless the
 * user says otherwise (SpanPipelineBenchmark: about 700 B less allocation per exported span than {@code
 * immutable_data}); the user's {@code otel.java.exporter.memory_mode} wins, and a value the SDK would refuse (which
 * would cost every signal) falls back with an ERROR.
 */
class AgentSdkMemoryModeTest {

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final List<String> spanExporters = new ArrayList<>();
  private final List<String> logExporters = new ArrayList<>();

  @BeforeEach
  void captureAgentLog() {
    VireoLog.configure(false, true);
    VireoLog.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreAgentLog() {
    VireoLog.redirect(System.err);
  }

  @Test
  void reusableDataWhenTheUserSetsNothing() {
    build(AgentConfig.load("otel.metrics.exporter=none"));

    // Vireo's own default, not only the SDK's of today
    assertThat(AgentSdk.DEFAULTS).containsEntry("otel.java.exporter.memory_mode", "reusable_data");
    assertThat(spanExporters).singleElement().asString()
        .contains("OtlpHttpSpanExporter{").contains("memoryMode=REUSABLE_DATA");
    assertThat(logExporters).singleElement().asString()
        .contains("OtlpHttpLogRecordExporter{").contains("memoryMode=REUSABLE_DATA");
  }

  @Test
  void theUsersSettingWins() {
    build(AgentConfig.load("otel.metrics.exporter=none;otel.java.exporter.memory_mode=immutable_data"));

    assertThat(spanExporters).singleElement().asString().contains("memoryMode=IMMUTABLE_DATA");
    assertThat(logExporters).singleElement().asString().contains("memoryMode=IMMUTABLE_DATA");
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
  }

  @Test
  void theUsersSettingWinsWrittenLoosely() {
    // as a system property or environment variable could carry it; the SDK itself fails on the spaces
    build(AgentConfig.load("otel.metrics.exporter=none").with(Map.of("otel.java.exporter.memory_mode", " Immutable_Data ")));

    assertThat(spanExporters).singleElement().asString().contains("memoryMode=IMMUTABLE_DATA");
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
  }

  @Test
  void anUnknownModeFallsBackAndSpansAreStillExported() {
    build(AgentConfig.load("otel.metrics.exporter=none;otel.java.exporter.memory_mode=reusable"));

    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("ERROR")
        .contains("invalid otel.java.exporter.memory_mode=reusable; using reusable_data instead");
    // without the fallback the SDK refuses the value and the agent runs with no exporter at all
    assertThat(spanExporters).singleElement().asString().contains("memoryMode=REUSABLE_DATA");
    assertThat(logExporters).singleElement().asString().contains("memoryMode=REUSABLE_DATA");
  }

  private void build(AgentConfig config) {
    AgentSdk sdk =
        new AgentSdk(
            ConfigValidation.validate(config),
            getClass().getClassLoader(),
            builder -> builder
                .addSpanExporterCustomizer((exporter, properties) -> {
                  spanExporters.add(exporter.toString());
                  return exporter;
                })
                .addLogRecordExporterCustomizer((exporter, properties) -> {
                  logExporters.add(exporter.toString());
                  return exporter;
                }));
    try {
      sdk.get();
    } finally {
      sdk.shutdown();
    }
  }
}
