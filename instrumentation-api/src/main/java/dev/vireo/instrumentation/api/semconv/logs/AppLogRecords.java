package dev.vireo.instrumentation.api.semconv.logs;

import dev.vireo.instrumentation.api.ExceptionAttributes;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns a logging library's events into OpenTelemetry log records (the application's logs exported over OTLP):
 * body, severity, timestamp, logger name as the scope, thread, exception and, when configured, MDC entries, in
 * the span context of the logging call. The one mapping for Logback, Log4j and java.util.logging.
 *
 * <p>Records are handed to the SDK's batch log record processor (a bounded, non-blocking queue: a full queue
 * drops the record). Never captured: the OpenTelemetry SDK's own logging (its export failures would feed
 * themselves when the collector is down) and anything logged while a record is being emitted.
 */
public final class AppLogRecords<EVENT> {

  static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
  static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");

  static final int MAX_CACHED_KEYS = 256;

  /** Looked up once: {@code LoggerProvider.noop()} tries to load the incubator API (a ClassNotFoundException) each call. */
  private static final LoggerProvider NOOP = LoggerProvider.noop();

  /**
   * Element 0 set while this thread emits a record: whatever the SDK logs meanwhile is not captured again. One
   * array per thread, flipped in place: setting and removing a thread-local value on every call would allocate a
   * new entry in the thread's map each time.
   */
  private static final ThreadLocal<boolean[]> EMITTING =
      new ThreadLocal<boolean[]>() {
        @Override
        protected boolean[] initialValue() {
          return new boolean[1];
        }
      };

  private final LogRecordAttributesGetter<EVENT> getter;
  private final boolean allContextData;
  private final List<String> contextDataKeys;
  private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AttributeKey<String>> contextDataAttributeKeys = new ConcurrentHashMap<>();

  private AppLogRecords(LogRecordAttributesGetter<EVENT> getter, List<String> contextDataKeys) {
    this.getter = getter;
    this.allContextData = contextDataKeys.contains("*");
    this.contextDataKeys = contextDataKeys;
  }

  /**
   * @param captureContextDataSetting the setting listing the MDC keys exported as attributes ({@code *}: all),
   *     e.g. {@code otel.instrumentation.logback-appender.experimental.capture-mdc-attributes}
   */
  public static <EVENT> AppLogRecords<EVENT> create(
      String captureContextDataSetting, LogRecordAttributesGetter<EVENT> getter) {
    List<String> keys =
        captureContextDataSetting == null
            ? Collections.<String>emptyList()
            : InstrumentationConfig.get().getList(captureContextDataSetting);
    return new AppLogRecords<>(getter, keys);
  }

  /** Whether a logger's records are the application's (not the agent's OpenTelemetry SDK's own). */
  public static boolean isApplicationLogger(String loggerName) {
    return loggerName == null || !loggerName.startsWith("io.opentelemetry.");
  }

  /** Emits {@code event} as a log record in {@code context} (the logging call's). Never throws. */
  public void emit(EVENT event, Context context) {
    boolean[] emitting = EMITTING.get();
    if (emitting[0]) {
      return;
    }
    emitting[0] = true;
    try {
      String loggerName = getter.getLoggerName(event);
      if (!isApplicationLogger(loggerName)) {
        return;
      }
      LoggerProvider provider = VireoTelemetry.get().getLogsBridge();
      if (provider == NOOP) {
        return; // otel.logs.exporter=none: nothing would be exported, so nothing is built
      }
      String scope = loggerName == null || loggerName.isEmpty() ? "ROOT" : loggerName;
      Logger logger = loggers.get(scope);
      if (logger == null) {
        logger = provider.get(scope);
        loggers.putIfAbsent(scope, logger);
      }
      build(logger.logRecordBuilder(), event, context).emit();
    } catch (RuntimeException | LinkageError e) {
      // a broken event (a message whose toString throws) costs its record, never the application's call
    } finally {
      emitting[0] = false;
    }
  }

  private LogRecordBuilder build(LogRecordBuilder builder, EVENT event, Context context) {
    builder.setContext(context);
    builder.setTimestamp(getter.getTimestampMillis(event), TimeUnit.MILLISECONDS);
    String body = getter.getBody(event);
    if (body != null) {
      builder.setBody(body);
    }
    Severity severity = getter.getSeverity(event);
    if (severity != null) {
      builder.setSeverity(severity);
    }
    String severityText = getter.getSeverityText(event);
    if (severityText != null) {
      builder.setSeverityText(severityText);
    }
    // straight into the record: an Attributes built first would be copied into the record's own map again
    String threadName = getter.getThreadName(event);
    if (threadName != null) {
      builder.setAttribute(THREAD_NAME, threadName);
    }
    long threadId = getter.getThreadId(event);
    if (threadId >= 0) {
      builder.setAttribute(THREAD_ID, threadId);
    }
    Throwable throwable = getter.getThrowable(event);
    if (throwable != null) {
      putException(builder, throwable);
    }
    if (allContextData || !contextDataKeys.isEmpty()) {
      putContextData(builder, getter.getContextData(event));
    }
    return builder;
  }

  private static void putException(LogRecordBuilder attributes, Throwable throwable) {
    attributes.setAttribute(ExceptionAttributes.EXCEPTION_TYPE, throwable.getClass().getName());
    String message = throwable.getMessage();
    if (message != null) {
      attributes.setAttribute(ExceptionAttributes.EXCEPTION_MESSAGE, message);
    }
    attributes.setAttribute(ExceptionAttributes.EXCEPTION_STACKTRACE, ExceptionAttributes.stackTrace(throwable));
  }

  private void putContextData(LogRecordBuilder attributes, Map<String, ?> contextData) {
    if (contextData == null || contextData.isEmpty()) {
      return;
    }
    if (allContextData) {
      for (Map.Entry<String, ?> entry : contextData.entrySet()) {
        if (entry.getValue() != null) {
          attributes.setAttribute(attributeKey(entry.getKey()), String.valueOf(entry.getValue()));
        }
      }
      return;
    }
    for (String key : contextDataKeys) {
      Object value = contextData.get(key);
      if (value != null) {
        attributes.setAttribute(attributeKey(key), String.valueOf(value));
      }
    }
  }

  private AttributeKey<String> attributeKey(String name) {
    AttributeKey<String> key = contextDataAttributeKeys.get(name);
    if (key == null) {
      key = AttributeKey.stringKey(name);
      // with `*`, an application that puts ever new keys into its MDC must not grow this cache forever
      if (contextDataAttributeKeys.size() < MAX_CACHED_KEYS) {
        contextDataAttributeKeys.putIfAbsent(name, key);
      }
    }
    return key;
  }
}
