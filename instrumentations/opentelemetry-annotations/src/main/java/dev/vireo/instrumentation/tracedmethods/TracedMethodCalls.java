package dev.vireo.instrumentation.tracedmethods;

import dev.vireo.instrumentation.api.AsyncEndStrategies;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.code.MethodInstrumenters;
import dev.vireo.instrumentation.api.semconv.code.TracedMethod;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Starts and ends the span of one call of a traced method. A method that returns an asynchronous
 * result has its span ended when that result terminates, not when the method returns: a {@code
 * CompletionStage} (a {@code CompletableFuture}) when it completes, and the types of the libraries that
 * registered an {@code AsyncEndStrategy} (Reactor's {@code Mono}/{@code Flux}, RxJava's) when the
 * returned publisher terminates or is cancelled.
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

  /** Ends a call whose method returns nothing, or a primitive. */
  public static void end(Object state, Throwable error) {
    if (state instanceof State) {
      State call = (State) state;
      call.scope.close();
      call.end(error);
    }
  }

  /**
   * Ends a call whose method returns an object, and returns what the method returns instead: the
   * result itself, or a wrapper that ends the span when the result terminates.
   *
   * @param declaredReturnType the binary name of the method's declared return type; a wrapper is
   *     returned only where it fits that type
   */
  public static Object end(Object state, Object result, String declaredReturnType, Throwable error) {
    if (!(state instanceof State)) {
      return result;
    }
    State call = (State) state;
    call.scope.close();
    if (error != null) {
      call.end(error);
      return result;
    }
    return AsyncEndStrategies.endNowOrWhenDone(result, declaredReturnType, call.context, call::end);
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
