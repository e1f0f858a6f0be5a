package dev.vireo.instrumentation.api.semconv.code;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;

/**
 * A method of the application traced because the application asked for it ({@code @WithSpan}, or
 * listed in {@code otel.instrumentation.methods.include}): its span's name, kind and the attributes
 * taken from its arguments.
 */
public final class TracedMethod {

  private final Class<?> type;
  private final String method;
  private final String spanName;
  private final SpanKind kind;
  private final boolean inheritContext;

  /** {@code spanName} null or empty: {@code {Class}.{method}}. */
  public TracedMethod(Class<?> type, String method, String spanName, SpanKind kind, boolean inheritContext) {
    this.type = type;
    this.method = method;
    this.spanName =
        spanName == null || spanName.isEmpty() ? new CodeFunction(type, method).spanName() : spanName;
    this.kind = kind == null ? SpanKind.INTERNAL : kind;
    this.inheritContext = inheritContext;
  }

  public Class<?> type() {
    return type;
  }

  public String method() {
    return method;
  }

  public String spanName() {
    return spanName;
  }

  public SpanKind kind() {
    return kind;
  }

  /** False: the span starts a new trace ({@code @WithSpan(inheritContext = false)}). */
  public boolean inheritContext() {
    return inheritContext;
  }

  /** One call: the method and the attributes its arguments give. */
  public Call call(Attributes arguments) {
    return new Call(this, arguments);
  }

  /** The instrumenter's request: one call of a traced method. */
  public static final class Call {
    private final TracedMethod method;
    private final Attributes arguments;

    Call(TracedMethod method, Attributes arguments) {
      this.method = method;
      this.arguments = arguments == null ? Attributes.empty() : arguments;
    }

    public TracedMethod method() {
      return method;
    }

    Attributes arguments() {
      return arguments;
    }
  }
}
