package dev.vireo.instrumentation.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.vireo.instrumentation.api.semconv.logs.AppLogRecords;
import dev.vireo.instrumentation.api.semconv.logs.LogRecordAttributesGetter;
import dev.vireo.instrumentation.api.semconv.logs.LogSeverities;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.util.Map;

/** Logback events as OpenTelemetry log records. */
final class LogbackRecords {

  static final AppLogRecords<ILoggingEvent> RECORDS =
      AppLogRecords.create(
          "otel.instrumentation.logback-appender.experimental.capture-mdc-attributes", new EventGetter());

  private LogbackRecords() {}

  static void emit(ILoggingEvent event) {
    RECORDS.emit(event, Context.current());
  }

  /** Called on the logging thread, inside {@code callAppenders}. */
  private static final class EventGetter implements LogRecordAttributesGetter<ILoggingEvent> {

    @Override
    public String getLoggerName(ILoggingEvent event) {
      return event.getLoggerName();
    }

    @Override
    public String getBody(ILoggingEvent event) {
      return event.getFormattedMessage();
    }

    @Override
    public Severity getSeverity(ILoggingEvent event) {
      return event.getLevel() == null ? null : LogSeverities.ofName(event.getLevel().levelStr);
    }

    @Override
    public String getSeverityText(ILoggingEvent event) {
      return event.getLevel() == null ? null : event.getLevel().levelStr;
    }

    @Override
    public long getTimestampMillis(ILoggingEvent event) {
      return event.getTimeStamp();
    }

    @Override
    public String getThreadName(ILoggingEvent event) {
      return event.getThreadName();
    }

    @Override
    public long getThreadId(ILoggingEvent event) {
      return Thread.currentThread().getId();
    }

    @Override
    public Throwable getThrowable(ILoggingEvent event) {
      IThrowableProxy proxy = event.getThrowableProxy();
      return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
    }

    @Override
    public Map<String, ?> getContextData(ILoggingEvent event) {
      return event.getMDCPropertyMap();
    }
  }
}
