package dev.vireo.instrumentation.api;

import io.opentelemetry.api.common.AttributeKey;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The exception attributes of the conventions, as {@code Span.recordException} writes them: one place for
 * the span's {@code exception} event ({@link ExceptionEvents}) and for log records that carry a throwable.
 */
public final class ExceptionAttributes {

  public static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  public static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  public static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

  private ExceptionAttributes() {}

  /** {@code exception.stacktrace}: what {@link Throwable#printStackTrace()} prints. */
  public static String stackTrace(Throwable throwable) {
    StringWriter writer = new StringWriter();
    throwable.printStackTrace(new PrintWriter(writer));
    return writer.toString();
  }
}
