package dev.vireo.testing.agent;

import dev.vireo.tooling.AgentInstaller;
import dev.vireo.tooling.sdk.AgentSdk;
import dev.vireo.tooling.sdk.SdkCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The real Vireo agent, installed into the test JVM (same installer, same Byte Buddy
 * transformation, same per-class-loader module loading as in production) with spans and metrics
 * kept in memory, and the application's log records (what the logging instrumentations emit). Installed once per JVM by {@link AgentTestingSession} before any test class loads.
 */
public final class AgentTesting {

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static final InMemoryMetricReader METRICS = InMemoryMetricReader.create();
  private static final InMemoryLogRecordExporter LOGS = InMemoryLogRecordExporter.create();
  private static volatile AgentSdk sdk;

  private AgentTesting() {}

  static synchronized void installOnce() {
    if (sdk != null) {
      return;
    }
    Instrumentation instrumentation = ByteBuddyAgent.install();
    sdk =
        AgentInstaller.install(
            instrumentation,
            AgentTesting.class.getClassLoader(),
            // thread.* on every span would be two more keys in every exact assertion: ThreadDetailsSpanProcessorTest
            // and the smoke tests check them
            "otel.traces.exporter=none;otel.metrics.exporter=none;otel.logs.exporter=none;"
                + "otel.javaagent.add-thread-details=false",
            new SdkCustomizer() {
              @Override
              public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
                builder
                    .addTracerProviderCustomizer(
                        (tracer, config) -> tracer.addSpanProcessor(SimpleSpanProcessor.create(SPANS)))
                    .addMeterProviderCustomizer((meter, config) -> meter.registerMetricReader(METRICS))
                    .addLoggerProviderCustomizer(
                        (logs, config) -> logs.addLogRecordProcessor(SimpleLogRecordProcessor.create(LOGS)));
              }

              @Override
              public boolean addsMetricReader() {
                return true;
              }

              @Override
              public boolean addsLogRecordProcessor() {
                return true;
              }
            });
  }

  public static boolean isInstalled() {
    return sdk != null;
  }

  /** Finished spans so far. */
  public static List<SpanData> spans() {
    return SPANS.getFinishedSpanItems();
  }

  /** Log records emitted so far (since the last {@link #clear()}): the logging instrumentations' and the bridged API's. */
  public static List<LogRecordData> logRecords() {
    return LOGS.getFinishedLogRecordItems();
  }

  public static void clear() {
    SPANS.reset();
    LOGS.reset();
    METRICS.collectAllMetrics();
  }

  /** Waits until a log record matching {@code condition} was emitted, and returns it. */
  public static LogRecordData waitForLogRecord(Predicate<LogRecordData> condition, String description) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      for (LogRecordData record : logRecords()) {
        if (condition.test(record)) {
          return record;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for a log record " + description + "; emitted: " + logRecords());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Metrics recorded since the last collection. */
  public static Collection<MetricData> collectMetrics() {
    return METRICS.collectAllMetrics();
  }

  /** Waits until at least {@code count} spans finished, then groups them into traces. */
  public static Traces waitForSpans(int count) {
    return waitForSpans(count, Duration.ofSeconds(10));
  }

  public static Traces waitForSpans(int count, Duration timeout) {
    return waitFor(spans -> spans.size() >= count, timeout, "at least " + count + " spans");
  }

  /**
   * Waits until finished spans form {@code count} traces, and fails when they form more: exactly
   * {@code count} traces, as far as the spans finished so far tell. To prove that nothing else comes
   * later, end the scenario with a marker (a later span, a request whose effect is seen) and wait for
   * it, never for a fixed time.
   */
  public static Traces waitForTraces(int count) {
    Traces traces = waitFor(spans -> Traces.of(spans).size() >= count, Duration.ofSeconds(10), count + " traces");
    if (traces.size() != count) {
      throw new AssertionError("expected exactly " + count + " traces, got " + traces.size() + ": " + traces);
    }
    return traces;
  }

  /**
   * Waits until a span named {@code name} finished, and returns the first that did (by start time within its trace,
   * traces in the order they began).
   */
  public static SpanData waitForSpanNamed(String name) {
    return waitFor(spans -> spans.stream().anyMatch(span -> span.getName().equals(name)), Duration.ofSeconds(10),
            "a span named " + name)
        .all().stream()
        .flatMap(trace -> trace.spans().stream())
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span named " + name));
  }

  public static Traces waitFor(Predicate<List<SpanData>> condition, Duration timeout, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<SpanData> current = new ArrayList<>(spans());
      if (condition.test(current)) {
        return Traces.of(current);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + description + "; finished spans: " + Traces.of(current));
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
