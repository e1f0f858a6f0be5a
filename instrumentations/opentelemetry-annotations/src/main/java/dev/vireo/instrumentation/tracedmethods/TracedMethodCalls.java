package dev.vireo.instrumentation.tracedmethods;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.code.MethodInstrumenters;
import dev.vireo.instrumentation.api.semconv.code.TracedMethod;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Starts and ends the span of one call of a traced method. A method that returns a {@code
 * CompletionStage} (a {@code CompletableFuture}) has its span ended when the stage completes, not
 * when the method returns.
 */
public final class TracedMethodCalls {

  private TracedMethodCalls() {}

  /** The call's state for {@link #end}, or null when no span was started. */
  public static Object start(MethodInstrumenters instrumenters, Class<?> type, String signature, Object[] arguments) {
    TracedMethodResolver.Resolved resolved = TracedMethodResolver.resolve(type, signature);
    TracedMethod method = resolved.method;
    Context parent = method.inheritContext() ? Context.current() : Context.root();
    TracedMethod.Call call = method.call(resolved.attributes(arguments));
    Instrumenter<TracedMethod.Call, Object> instrumenter = instrumenters.forMethod(method);
    if (!instrumenter.shouldStart(parent, call)) {
      return null;
    }
    Context context = instrumenter.start(parent, call);
    return new State(instrumenter, call, context, context.makeCurrent());
  }

  public static void end(Object state, Object result, Throwable error) {
    if (!(state instanceof State)) {
      return;
    }
    State call = (State) state;
    call.scope.close();
    if (error == null && result instanceof CompletionStage) {
      ((CompletionStage<?>) result).whenComplete((value, failure) -> call.end(unwrap(failure)));
      return;
    }
    call.end(error);
  }

  private static Throwable unwrap(Throwable failure) {
    if ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
      return failure.getCause();
    }
    return failure;
  }

  private static final class State {
    final Instrumenter<TracedMethod.Call, Object> instrumenter;
    final TracedMethod.Call call;
    final Context context;
    final Scope scope;

    State(Instrumenter<TracedMethod.Call, Object> instrumenter, TracedMethod.Call call, Context context, Scope scope) {
      this.instrumenter = instrumenter;
      this.call = call;
      this.context = context;
      this.scope = scope;
    }

    void end(Throwable error) {
      instrumenter.end(context, call, null, error);
    }
  }
}
