package dev.vireo.instrumentation.api.semconv.common;

/** {@code error.type}: the exception's class name, or {@code _OTHER}. */
public final class ErrorTypes {

  public static final String OTHER = "_OTHER";

  private ErrorTypes() {}

  public static String of(Throwable error) {
    return error == null ? OTHER : error.getClass().getName();
  }
}
