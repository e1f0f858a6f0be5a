package dev.vireo.instrumentation.api;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One call whose span is current while it runs, then ended (a controller method, a servlet response's {@code
 * sendError}, a Hibernate operation): the enter advice starts it, the exit advice on the same thread ends it.
 */
public final class CurrentSpanCall<REQUEST> {

  private final Instrumenter<REQUEST, ?> instrumenter;
  private final REQUEST request;
  private final Context context;
  private final Scope scope;

  private CurrentSpanCall(Instrumenter<REQUEST, ?> instrumenter, REQUEST request, Context context) {
    this.instrumenter = instrumenter;
    this.request = request;
    this.context = context;
    this.scope = context.makeCurrent();
  }

  /**
   * Starts {@code request}'s span in {@code parent}, current until {@link #end}; null when the instrumenter declines.
   */
  public static <REQUEST> CurrentSpanCall<REQUEST> start(
      Instrumenter<REQUEST, ?> instrumenter, Context parent, REQUEST request) {
    if (!instrumenter.shouldStart(parent, request)) {
      return null;
    }
    return new CurrentSpanCall<>(instrumenter, request, instrumenter.start(parent, request));
  }

  /** Ends what an advice's enter returned: a started call, or null (or anything else) when none started. */
  public static void endIfStarted(Object call, Throwable thrown) {
    if (call instanceof CurrentSpanCall) {
      ((CurrentSpanCall<?>) call).end(thrown);
    }
  }

  /** Leaves the span's scope, then ends it ({@code thrown}: what the call threw, or null). */
  public void end(Throwable thrown) {
    try {
      scope.close();
    } finally {
      instrumenter.end(context, request, null, thrown);
    }
  }
}
