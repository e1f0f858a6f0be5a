package dev.vireo.instrumentation.jul;

import dev.vireo.instrumentation.api.semconv.logs.AppLogRecords;
import dev.vireo.instrumentation.api.semconv.logs.LogRecordAttributesGetter;
import dev.vireo.instrumentation.api.semconv.logs.LogSeverities;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** java.util.logging records as OpenTelemetry log records. */
final class JulRecords {

  static final AppLogRecords<LogRecord> RECORDS = AppLogRecords.create(null, new RecordGetter());

  private JulRecords() {}

  static void emit(Logger logger, LogRecord record) {
    Level level = record.getLevel();
    // what the logger itself will drop (level, filter) is not the application's output either
    if (level != null
        && logger.isLoggable(level)
        && (logger.getFilter() == null || logger.getFilter().isLoggable(record))
        && !bridgedToAnotherLibrary(logger)) {
      RECORDS.emit(record, Context.current());
    }
  }

  /**
   * Whether a handler on the record's way hands it to SLF4J or Log4j (jul-to-slf4j, as Spring Boot installs it, or
   * log4j-jul): that library's own instrumentation exports it, and once is enough.
   */
  private static boolean bridgedToAnotherLibrary(Logger logger) {
    for (Logger current = logger; current != null; current = current.getUseParentHandlers() ? current.getParent() : null) {
      for (Handler handler : current.getHandlers()) {
        String name = handler.getClass().getName();
        if (name.equals("org.slf4j.bridge.SLF4JBridgeHandler")
            || name.equals("org.apache.logging.log4j.jul.Log4jBridgeHandler")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Called on the logging thread, inside {@code Logger.log}. */
  private static final class RecordGetter implements LogRecordAttributesGetter<LogRecord> {

    /** Parameters and resource bundles as a handler's formatter applies them. */
    private static final Formatter MESSAGE_FORMAT =
        new Formatter() {
          @Override
          public String format(LogRecord record) {
            return formatMessage(record);
          }
        };

    @Override
    public String getLoggerName(LogRecord record) {
      return record.getLoggerName();
    }

    @Override
    public String getBody(LogRecord record) {
      return MESSAGE_FORMAT.formatMessage(record);
    }

    @Override
    public Severity getSeverity(LogRecord record) {
      return LogSeverities.ofJulLevel(record.getLevel().intValue());
    }

    @Override
    public String getSeverityText(LogRecord record) {
      return record.getLevel().getName();
    }

    @Override
    public long getTimestampMillis(LogRecord record) {
      return record.getMillis();
    }

    @Override
    public String getThreadName(LogRecord record) {
      return Thread.currentThread().getName();
    }

    @Override
    public long getThreadId(LogRecord record) {
      return Thread.currentThread().getId();
    }

    @Override
    public Throwable getThrowable(LogRecord record) {
      return record.getThrown();
    }

    @Override
    public Map<String, ?> getContextData(LogRecord record) {
      return null;
    }
  }
}
