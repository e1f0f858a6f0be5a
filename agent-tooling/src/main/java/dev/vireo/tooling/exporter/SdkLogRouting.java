package dev.vireo.tooling.exporter;

import dev.vireo.bootstrap.VireoLog;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Takes the OpenTelemetry SDK's export-path loggers (java.util.logging) off the console. They log one
 * line per failed batch ("Failed to export spans...", "BatchSpanProcessor dropped N span(s)..."),
 * which is exactly what {@link ExportHealth} replaces with one WARN per outage. Those lines go to the
 * agent's debug log; anything else these loggers say at WARNING or above still reaches the agent log.
 */
public final class SdkLogRouting {

  /** The loggers whose per-batch failure lines are replaced by the health reports. */
  static final String[] EXPORT_PATH_LOGGERS = {
    "io.opentelemetry.exporter",
    "io.opentelemetry.sdk.trace.export.BatchSpanProcessor",
    "io.opentelemetry.sdk.metrics.export.PeriodicMetricReader",
  };

  // JUL keeps loggers weakly: without these references our settings could be garbage collected.
  private static final List<Logger> configured = new ArrayList<>();

  private SdkLogRouting() {}

  public static synchronized void install() {
    if (!configured.isEmpty()) {
      return;
    }
    Handler handler = new AgentLogHandler();
    for (String name : EXPORT_PATH_LOGGERS) {
      Logger logger = Logger.getLogger(name);
      logger.setUseParentHandlers(false);
      logger.addHandler(handler);
      configured.add(logger);
    }
  }

  /** Whether a record is the per-batch noise the health reports replace. */
  static boolean isPerBatchReport(String message) {
    return message.startsWith("Failed to export")
        || message.startsWith("BatchSpanProcessor dropped")
        || message.startsWith("Exporter failed")
        || message.startsWith("Too many log messages detected");
  }

  static final class AgentLogHandler extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      try {
        String message = formatter.formatMessage(record);
        if (message == null) {
          return;
        }
        Throwable thrown = record.getThrown();
        if (record.getLevel().intValue() < Level.WARNING.intValue() || isPerBatchReport(message)) {
          if (VireoLog.isDebugEnabled()) {
            VireoLog.debug("[{}] {}", record.getLoggerName(), message, thrown);
          }
        } else if (thrown != null) {
          VireoLog.warn("[{}] {}: {}", record.getLoggerName(), message, thrown.toString());
        } else {
          VireoLog.warn("[{}] {}", record.getLoggerName(), message);
        }
      } catch (Throwable ignored) {
        // a log handler must never fail the SDK thread that logs
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
