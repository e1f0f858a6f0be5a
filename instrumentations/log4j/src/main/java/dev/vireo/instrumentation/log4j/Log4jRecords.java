package dev.vireo.instrumentation.log4j;

import dev.vireo.instrumentation.api.semconv.logs.AppLogRecords;
import dev.vireo.instrumentation.api.semconv.logs.LogRecordAttributesGetter;
import dev.vireo.instrumentation.api.semconv.logs.LogSeverities;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;

/** Log4j 2 logging calls as OpenTelemetry log records. */
final class Log4jRecords {

  static final AppLogRecords<Call> RECORDS =
      AppLogRecords.create("otel.instrumentation.log4j-appender.experimental.capture-mdc-attributes", new CallGetter());

  private Log4jRecords() {}

  static void emit(Logger logger, Level level, Message message, Throwable thrown) {
    RECORDS.emit(new Call(logger.getName(), level, message, thrown, System.currentTimeMillis()), Context.current());
  }

  /** One logging call, as the logger got it. */
  static final class Call {
    final String loggerName;
    final Level level;
    final Message message;
    final Throwable thrown;
    final long timestampMillis;

    Call(String loggerName, Level level, Message message, Throwable thrown, long timestampMillis) {
      this.loggerName = loggerName;
      this.level = level;
      this.message = message;
      this.thrown = thrown;
      this.timestampMillis = timestampMillis;
    }
  }

  /** Called on the logging thread, inside the logging call. */
  private static final class CallGetter implements LogRecordAttributesGetter<Call> {

    @Override
    public String getLoggerName(Call call) {
      return call.loggerName;
    }

    @Override
    public String getBody(Call call) {
      return call.message == null ? null : call.message.getFormattedMessage();
    }

    @Override
    public Severity getSeverity(Call call) {
      if (call.level == null) {
        return null;
      }
      Severity standard = LogSeverities.ofName(call.level.name());
      return standard != null ? standard : customLevel(call.level.intLevel());
    }

    /** A custom level by its place on Log4j's scale (lower int: more severe). */
    private static Severity customLevel(int intLevel) {
      if (intLevel <= Level.FATAL.intLevel()) {
        return Severity.FATAL;
      } else if (intLevel <= Level.ERROR.intLevel()) {
        return Severity.ERROR;
      } else if (intLevel <= Level.WARN.intLevel()) {
        return Severity.WARN;
      } else if (intLevel <= Level.INFO.intLevel()) {
        return Severity.INFO;
      } else if (intLevel <= Level.DEBUG.intLevel()) {
        return Severity.DEBUG;
      }
      return Severity.TRACE;
    }

    @Override
    public String getSeverityText(Call call) {
      return call.level == null ? null : call.level.name();
    }

    @Override
    public long getTimestampMillis(Call call) {
      return call.timestampMillis;
    }

    @Override
    public String getThreadName(Call call) {
      return Thread.currentThread().getName();
    }

    @Override
    public long getThreadId(Call call) {
      return Thread.currentThread().getId();
    }

    @Override
    public Throwable getThrowable(Call call) {
      if (call.thrown != null) {
        return call.thrown;
      }
      return call.message == null ? null : call.message.getThrowable();
    }

    @Override
    public Map<String, ?> getContextData(Call call) {
      return ThreadContext.getImmutableContext();
    }
  }
}
