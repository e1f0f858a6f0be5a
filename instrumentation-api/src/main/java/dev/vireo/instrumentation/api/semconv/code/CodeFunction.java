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

  /**
   * {@code OrderController.order}: the class's simple name as the OpenTelemetry agent writes it ({@link
   * #simpleName}), a dot, the method.
   */
  String spanName() {
    return SIMPLE_NAMES.get(type) + '.' + method;
  }

  private static final ClassValue<String> SIMPLE_NAMES =
      new ClassValue<String>() {
        @Override
        protected String computeValue(Class<?> type) {
          return simpleName(type);
        }
      };

  /**
   * A nested class by its own simple name ({@code Refresher}, not {@code Jobs$Refresher}); an anonymous class by its
   * binary name without the package ({@code Jobs$1}); a lambda's class up to {@code $$Lambda} ({@code
   * Jobs$$Lambda}, without the per-run number and address).
   */
  static String simpleName(Class<?> type) {
    String name = type.isAnonymousClass() ? "" : type.getSimpleName();
    if (name.isEmpty()) {
      name = type.getName();
      int hidden = name.indexOf('/');
      if (hidden >= 0) {
        name = name.substring(0, hidden);
      }
      name = name.substring(name.lastIndexOf('.') + 1);
    }
    int lambda = name.indexOf(LAMBDA);
    return lambda > 0 ? name.substring(0, lambda + LAMBDA.length()) : name;
  }

  private static final String LAMBDA = "$$Lambda";
}
