package dev.vireo.instrumentation.api;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;

/**
 * Records the {@code exception} event of a span as {@link Span#recordException} does (type,
 * message, stack trace), with message and stack trace passed through the family's redactor first:
 * a stack trace repeats the messages of the exception and of its causes.
 */
final class ExceptionEvents {

  private ExceptionEvents() {}

  static <REQUEST> void record(
      Span span, Throwable error, REQUEST request, ExceptionTextRedactor<? super REQUEST> redactor) {
    if (redactor == null) {
      span.recordException(error);
      return;
    }
    String message;
    String stackTrace;
    try {
      message = error.getMessage();
      stackTrace = ExceptionAttributes.stackTrace(error);
    } catch (RuntimeException brokenException) {
      // an application exception whose getMessage/toString throws: type only
      span.addEvent("exception", Attributes.of(ExceptionAttributes.EXCEPTION_TYPE, error.getClass().getName()));
      return;
    }
    AttributesBuilder attributes = Attributes.builder().put(ExceptionAttributes.EXCEPTION_TYPE, error.getClass().getName());
    if (message != null) {
      attributes.put(ExceptionAttributes.EXCEPTION_MESSAGE, redact(redactor, request, message));
    }
    attributes.put(ExceptionAttributes.EXCEPTION_STACKTRACE, redact(redactor, request, stackTrace));
    span.addEvent("exception", attributes.build());
  }

  private static <REQUEST> String redact(
      ExceptionTextRedactor<? super REQUEST> redactor, REQUEST request, String text) {
    try {
      String redacted = redactor.redact(request, text);
      return redacted == null ? "" : redacted;
    } catch (RuntimeException bug) {
      return ""; // never export what could not be redacted
    }
  }
}
