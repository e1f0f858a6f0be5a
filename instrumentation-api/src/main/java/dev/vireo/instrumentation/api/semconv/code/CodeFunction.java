package dev.vireo.instrumentation.api.semconv.code;

/** A method of the application that a framework calls: a controller's handler method, a repository method. */
public final class CodeFunction {

  private final Class<?> type;
  private final String method;

  public CodeFunction(Class<?> type, String method) {
    this.type = type;
    this.method = method;
  }

  public Class<?> type() {
    return type;
  }

  public String method() {
    return method;
  }

  /** {@code OrderController.order}: the simple class name (nested and anonymous classes keep their {@code $}). */
  String spanName() {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1) + '.' + method;
  }
}
