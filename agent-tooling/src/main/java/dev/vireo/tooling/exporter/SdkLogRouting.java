package dev.vireo.tooling.exporter;

import dev.vireo.bootstrap.VireoLog;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Takes the agent's OpenTelemetry SDK's export-path loggers (java.util.logging) off the console. They log one
 * line per failed batch ("Failed to export spans...", "BatchSpanProcessor dropped N span(s)..."),
 * which is exactly what {@link ExportHealth} replaces with one WARN per outage. Those lines go to the
 * agent's debug log; anything else these loggers say at WARNING or above still reaches the agent log.
 *
 * <p>The logger names are shared with an OpenTelemetry SDK the application may have of its own (its {@code
 * LoggingSpanExporter} logs under {@code io.opentelemetry.exporter}). Records are told apart by the class loader
 * of the code that logs them ({@link CallerLoader}); the application's records travel on to the parent loggers'
 * handlers exactly as JUL would have sent them.
 */
public final class SdkLogRouting {

  /** The loggers whose per-batch failure lines are replaced by the health reports. */
  static final String[] EXPORT_PATH_LOGGERS = {
    "io.opentelemetry.exporter",
    "io.opentelemetry.sdk.trace.export.BatchSpanProcessor",
    "io.opentelemetry.sdk.metrics.export.PeriodicMetricReader",
    "io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor",
  };

  // JUL keeps loggers weakly: without these references our settings could be garbage collected.
  private static final List<Logger> configured = new CopyOnWriteArrayList<>();

  // one agent SDK per JVM; tests build several, each with its own loader
  private static volatile ClassLoader agentLoader;

  private SdkLogRouting() {}

  /** Records logged by code that {@code agentLoader} (or one of its parents) loaded are the agent's. */
  public static synchronized void install(ClassLoader agentLoader) {
    SdkLogRouting.agentLoader = agentLoader;
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
      if (!loggedByAgent()) {
        passOn(record);
        return;
      }
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

    private boolean loggedByAgent() {
      return CallerLoader.isAgent(agentLoader);
    }

    /** What JUL does for a logger that uses its parent handlers, from the logger this handler sits on upwards. */
    private void passOn(LogRecord record) {
      Logger logger = Logger.getLogger(record.getLoggerName() == null ? "" : record.getLoggerName());
      // find the routed logger this record passed through, then continue above it
      while (logger != null && !configured.contains(logger)) {
        logger = logger.getParent();
      }
      for (Logger parent = logger == null ? null : logger.getParent(); parent != null; parent = parent.getParent()) {
        for (Handler handler : parent.getHandlers()) {
          handler.publish(record);
        }
        if (!parent.getUseParentHandlers()) {
          break;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
