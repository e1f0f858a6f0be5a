package dev.vireo.tooling.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkLogRoutingTest {

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
    // this test's classes stand for the agent's SDK
    SdkLogRouting.install(SdkLogRoutingTest.class.getClassLoader());
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
  void perBatchFailureLinesStayOffTheConsole() {
    Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter")
        .log(Level.SEVERE, "Failed to export spans. The request could not be executed. Full error message: refused");
    Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor")
        .log(Level.WARNING, "BatchSpanProcessor dropped 12 span(s) since the last export because the queue is full (maxQueueSize=8)");
    Logger.getLogger("io.opentelemetry.sdk.metrics.export.PeriodicMetricReader").log(Level.WARNING, "Exporter failed");

    assertThat(agentLog()).isEmpty();
    assertThat(rootSaw.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void otherWarningsOfThoseLoggersReachTheAgentLog() {
    Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter")
        .log(Level.WARNING, "Calling shutdown() multiple times.");

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
  void theApplicationsOwnSdkLogsAsBefore() throws Exception {
    // issue 25, item 13: the application's LoggingSpanExporter shares the logger names with the agent's SDK
    URL testClasses = ApplicationSdkLogging.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader application = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
      Runnable applicationSdk =
          (Runnable) application.loadClass(ApplicationSdkLogging.class.getName()).getConstructor().newInstance();
      applicationSdk.run();
    }

    assertThat(agentLog()).isEmpty();
    assertThat(rootSaw.toString(StandardCharsets.UTF_8))
        .contains("io.opentelemetry.exporter.logging.LoggingSpanExporter: 'GET /app' : 0af7651916cd43dd8448eb211c80319c")
        .contains("io.opentelemetry.sdk.trace.export.BatchSpanProcessor: BatchSpanProcessor dropped 3 span(s)");
  }
}
