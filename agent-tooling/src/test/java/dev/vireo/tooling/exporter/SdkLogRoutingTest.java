package dev.vireo.tooling.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkLogRoutingTest {

  /** Stands for the agent class loader: the agent SDK's threads have it as context class loader. */
  private static final ClassLoader AGENT_LOADER = new java.net.URLClassLoader(new java.net.URL[0], null);

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final ByteArrayOutputStream rootSaw = new ByteArrayOutputStream();
  private final Handler rootHandler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          rootSaw.writeBytes((record.getLoggerName() + ": " + record.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void setUp() {
    VireoLog.configure(false, true);
    VireoLog.redirect(new PrintStream(logged, true));
    Logger.getLogger("").addHandler(rootHandler);
    SdkLogRouting.install(AGENT_LOADER);
  }

  @AfterEach
  void tearDown() {
    Logger.getLogger("").removeHandler(rootHandler);
    VireoLog.redirect(System.err);
  }

  private String agentLog() {
    return new String(logged.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void perBatchFailureLinesStayOffTheConsole() throws Exception {
    onAgentThread(() -> {
    Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter")
        .log(Level.SEVERE, "Failed to export spans. The request could not be executed. Full error message: refused");
    Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor")
        .log(Level.WARNING, "BatchSpanProcessor dropped 12 span(s) since the last export because the queue is full (maxQueueSize=8)");
    Logger.getLogger("io.opentelemetry.sdk.metrics.export.PeriodicMetricReader").log(Level.WARNING, "Exporter failed");
    });

    assertThat(agentLog()).isEmpty();
    assertThat(rootSaw.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void otherWarningsOfThoseLoggersReachTheAgentLog() throws Exception {
    onAgentThread(() -> Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter")
        .log(Level.WARNING, "Calling shutdown() multiple times."));

    assertThat(agentLog()).contains("[vireo] WARN [io.opentelemetry.exporter.otlp.internal.HttpExporter] Calling shutdown() multiple times.");
    assertThat(rootSaw.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void otherSdkLoggersAreLeftAlone() {
    Logger.getLogger("io.opentelemetry.sdk.autoconfigure.Other").log(Level.WARNING, "something else");

    assertThat(agentLog()).isEmpty();
    assertThat(rootSaw.toString(StandardCharsets.UTF_8)).contains("io.opentelemetry.sdk.autoconfigure.Other: something else");
  }

  @Test
  void theApplicationsOwnSdkLogsAsBefore() {
    // issue 25, item 13: the application's LoggingSpanExporter shares the logger names with the agent's SDK
    Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter")
        .log(Level.INFO, "'GET /app' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 SERVER");
    Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor").log(Level.WARNING, "BatchSpanProcessor dropped 3 span(s)");

    assertThat(agentLog()).isEmpty();
    assertThat(rootSaw.toString(StandardCharsets.UTF_8))
        .contains("io.opentelemetry.exporter.logging.LoggingSpanExporter: 'GET /app' : 0af7651916cd43dd8448eb211c80319c")
        .contains("io.opentelemetry.sdk.trace.export.BatchSpanProcessor: BatchSpanProcessor dropped 3 span(s)");
  }

  private static void onAgentThread(Runnable action) throws InterruptedException {
    Thread thread = new Thread(action, "agent-sdk-thread");
    thread.setContextClassLoader(AGENT_LOADER);
    thread.start();
    thread.join();
  }
}
