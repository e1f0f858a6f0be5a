package dev.vireo.tooling.exporter.stdout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.tooling.sdk.AgentSdk;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 25, items 9 and 13: console and logging-otlp print to standard output, with nothing else configured. */
class StdoutExportersTest {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void captureStdout() {
    originalOut = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdout() {
    System.setOut(originalOut);
  }

  @Test
  void consolePrintsOneLinePerSpan() {
    String out = runOneSpan("otel.traces.exporter=console;otel.metrics.exporter=none");
    assertThat(out.lines().filter(line -> line.startsWith("'checkout' : ")))
        .singleElement()
        .asString()
        .matches("'checkout' : [0-9a-f]{32} [0-9a-f]{16} SERVER \\[tracer: test:1.0\\] \\{order.id=42, "
            + java.util.regex.Pattern.quote(threadDetails()) + "\\}");
  }

  @SuppressWarnings("deprecation")
  private static String threadDetails() {
    return "thread.id=" + Thread.currentThread().getId() + ", thread.name=" + Thread.currentThread().getName();
  }

  @Test
  void consolePrintsMetricsToo() {
    String out = runOneSpan("otel.traces.exporter=none;otel.metrics.exporter=console");
    assertThat(out.lines().filter(line -> line.startsWith("metric 'checkouts' ")))
        .singleElement()
        .asString()
        .isEqualTo("metric 'checkouts'  LONG_SUM [meter: test] 1 points: {}");
  }

  @Test
  void loggingOtlpPrintsOtlpJsonForSpansAndMetrics() {
    String out = runOneSpan("otel.traces.exporter=logging-otlp;otel.metrics.exporter=logging-otlp");
    assertThat(out.lines().filter(line -> line.startsWith("{\"resourceSpans\":")))
        .singleElement()
        .asString()
        .contains("\"name\":\"checkout\"", "\"kind\":2", "{\"key\":\"order.id\",\"value\":{\"intValue\":\"42\"}}");
    // the metric reader's final export at shutdown: the counter below
    assertThat(out.lines().filter(line -> line.startsWith("{\"resourceMetrics\":")))
        .anyMatch(line -> line.contains("\"name\":\"checkouts\""));
  }

  private String runOneSpan(String settings) {
    AgentSdk sdk =
        new AgentSdk(
            AgentConfig.load(settings + ";otel.logs.exporter=none;otel.exporter.otlp.endpoint=http://127.0.0.1:9"),
            getClass().getClassLoader(),
            builder -> {});
    OpenTelemetry otel = sdk.get();
    Span span =
        otel.getTracer("test", "1.0").spanBuilder("checkout").setSpanKind(SpanKind.SERVER).setAttribute("order.id", 42).startSpan();
    span.end();
    otel.getMeter("test").counterBuilder("checkouts").build().add(1);
    sdk.shutdown();
    return stdout.toString(StandardCharsets.UTF_8);
  }
}
