package dev.vireo.instrumentation.api;

import io.opentelemetry.context.Context;

/**
 * Ends an operation when the asynchronous result a method returned terminates, for one family of
 * result types (Reactor's {@code Mono}/{@code Flux}, RxJava's types). A library module implements it
 * with the library's types and registers it in {@link AsyncEndStrategies}; modules that trace methods
 * ({@code @WithSpan}) consult the registry without knowing the library.
 */
public interface AsyncEndStrategy {

  /**
   * Arranges for {@code end} to run once when {@code result} terminates and returns what the method
   * hands to its caller instead (a wrapping publisher, or {@code result} itself); returns null when
   * {@code result} is not of this strategy's types, or when its replacement would not fit {@code
   * declaredReturnType} (the method's declared return type, a binary name).
   *
   * @param context the operation's context: current while the result's work is subscribed, so that
   *     the work runs under the operation's span
   */
  Object endWhenDone(Object result, String declaredReturnType, Context context, AsyncEnd end);

  /** Ends the operation; called at most once. */
  interface AsyncEnd {
    /** {@code error} null for a completion (or a cancellation, which the strategy may mark on the span). */
    void end(Throwable error);
  }
}
