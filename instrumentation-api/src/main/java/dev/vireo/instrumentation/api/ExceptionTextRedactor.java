package dev.vireo.instrumentation.api;

/**
 * Rewrites text that an exception carries (its message, its stack trace) before it becomes the
 * {@code exception} event of a span: a protocol family removes what must not be exported, such as
 * credentials in URLs or literals of a SQL statement. Called on the error path only.
 */
@FunctionalInterface
public interface ExceptionTextRedactor<REQUEST> {

  /** {@code text} with secrets removed; {@code text} itself when nothing had to change. Never throws. */
  String redact(REQUEST request, String text);
}
