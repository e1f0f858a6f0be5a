package dev.vireo.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.tooling.sdk.AgentSdk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 14: every key and value that the README's configuration table names is accepted as it is
 * written there (the README once listed {@code xray}, which the validator replaced). Names the SDK resolves
 * itself (propagators, samplers) are also built into a real SDK.
 */
class ReadmeConfigurationTableTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  /** Keys whose every value the SDK resolves by name: a value the validator accepts must also build. */
  private static final List<String> BUILT_BY_NAME = List.of("otel.propagators", "otel.traces.sampler");

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

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
  void everyValueTheTableNamesIsAccepted() throws IOException {
    List<Row> rows = configurationTable();
    assertThat(rows).extracting(row -> row.keys.get(0)).contains("otel.propagators", "otel.metrics.exporter");
    int checked = 0;
    for (Row row : rows) {
      for (int i = 0; i < row.values.size(); i++) {
        // several keys with as many defaults: positional; otherwise every value belongs to the first key
        String key = row.keys.size() == row.values.size() ? row.keys.get(i) : row.keys.get(0);
        String value = row.values.get(i);
        if (BooleanSettings.isSwitch(key) && !value.equals("true") && !value.equals("false")) {
          continue; // prose in the notes of a switch: `db.query.text`, `?`
        }
        logged.reset();
        Properties system = new Properties();
        system.setProperty(key, value);
        AgentConfig config = ConfigValidation.validate(AgentConfig.load(null, Map.of(), system));
        if (BUILT_BY_NAME.contains(key) && !value.equals("none")) {
          AgentSdk sdk = new AgentSdk(withoutExport(config), getClass().getClassLoader(), builder -> {});
          sdk.get();
          sdk.shutdown();
        }
        assertThat(agentLog()).as("README: %s=%s", key, value).doesNotContain("ERROR");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  @Test
  void theTableIsReadAsWritten() throws IOException {
    Row propagators =
        configurationTable().stream().filter(row -> row.keys.get(0).equals("otel.propagators")).findFirst().orElseThrow();
    assertThat(propagators.values).contains("tracecontext,baggage", "b3", "xray");
    Row bsp =
        configurationTable().stream().filter(row -> row.keys.get(0).equals("otel.bsp.schedule.delay")).findFirst().orElseThrow();
    assertThat(bsp.keys)
        .containsExactly(
            "otel.bsp.schedule.delay", "otel.bsp.max.queue.size", "otel.bsp.max.export.batch.size", "otel.bsp.export.timeout");
  }

  private static AgentConfig withoutExport(AgentConfig config) {
    return config.with(Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none"));
  }

  private String agentLog() {
    return logged.toString(StandardCharsets.UTF_8);
  }

  /** The rows of the table under "### Configuration": keys (suffixes like {@code .arg} expanded) and values. */
  static List<Row> configurationTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int header = lines.indexOf("| Key | Default | Notes |");
    assertThat(header).as("README configuration table").isPositive();
    List<Row> rows = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|", -1);
      List<String> keys = new ArrayList<>();
      String base = null;
      for (String token : code(cells[1])) {
        String key = token.replace("<name>", "jdbc");
        if (key.startsWith(".") && base != null) {
          key = base + key;
        } else if (key.startsWith("otel.")) {
          // a suffix replaces the last part of the first key: otel.exporter.otlp.headers, .timeout
          base = key.substring(0, key.lastIndexOf('.'));
        }
        keys.add(key);
      }
      List<String> values = new ArrayList<>();
      for (String token : code(cells[2] + " " + cells[3])) {
        if (!token.startsWith("otel.") && !token.startsWith("OTEL_")) {
          values.add(token);
        }
      }
      rows.add(new Row(keys, values));
    }
    return rows;
  }

  private static List<String> code(String cell) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = CODE.matcher(cell);
    while (matcher.find()) {
      tokens.add(matcher.group(1).trim());
    }
    return tokens;
  }

  record Row(List<String> keys, List<String> values) {}
}
