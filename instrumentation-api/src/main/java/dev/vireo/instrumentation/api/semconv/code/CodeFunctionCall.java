package dev.vireo.instrumentation.api.semconv.code;

import dev.vireo.instrumentation.api.Instrumenter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One call of a code function whose INTERNAL span is current while the call runs (a controller method, a servlet
 * response's {@code sendError}): made current when created, ended by {@link #end}.
 */
public final class CodeFunctionCall {

  private final Instrumenter<CodeFunction, Void> instrumenter;
  private final CodeFunction function;
  private final Context context;
  private final Scope scope;

  /** @param context what {@code instrumenter.start} returned for {@code function} (other entries may be added) */
  public CodeFunctionCall(Instrumenter<CodeFunction, Void> instrumenter, CodeFunction function, Context context) {
    this.instrumenter = instrumenter;
    this.function = function;
    this.context = context;
    this.scope = context.makeCurrent();
  }

  /** Leaves the span's scope, then ends it ({@code thrown}: what the call threw, or null). */
  public void end(Throwable thrown) {
    try {
      scope.close();
    } finally {
      instrumenter.end(context, function, null, thrown);
    }
  }
}
