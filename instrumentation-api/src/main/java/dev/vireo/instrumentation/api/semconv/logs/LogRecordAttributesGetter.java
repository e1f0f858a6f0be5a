package dev.vireo.instrumentation.api.semconv.logs;

import io.opentelemetry.api.logs.Severity;
import java.util.Map;

/**
 * The raw facts a logging library knows about one log event; {@link AppLogRecords} turns them into an
 * OpenTelemetry log record. Every method may return null where the library has nothing.
 */
public interface LogRecordAttributesGetter<EVENT> {

  /** The logger's name, which becomes the record's instrumentation scope. */
  String getLoggerName(EVENT event);

  /** The formatted message. */
  String getBody(EVENT event);

  Severity getSeverity(EVENT event);

  /** The library's own level name ({@code WARN}, {@code SEVERE}). */
  String getSeverityText(EVENT event);

  /** When the event happened, in milliseconds since the epoch. */
  long getTimestampMillis(EVENT event);

  String getThreadName(EVENT event);

  /** The logging thread's id; negative when not known. */
  long getThreadId(EVENT event);

  Throwable getThrowable(EVENT event);

  /** The MDC / context data of the event; read only when MDC attributes are configured. */
  Map<String, ?> getContextData(EVENT event);
}
