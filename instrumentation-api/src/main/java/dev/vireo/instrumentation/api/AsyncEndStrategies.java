package dev.vireo.instrumentation.api;

import io.opentelemetry.context.Context;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The {@link AsyncEndStrategy}s of the libraries present, consulted when a traced method returns: a
 * {@code CompletionStage} (a JDK type, always known here) ends its operation when it completes; any other
 * result is offered to the registered strategies. Library modules register theirs when the library
 * initializes (Reactor's {@code Hooks}, RxJava's {@code RxJavaPlugins}), which is before any of its
 * publishers exists.
 *
 * <p>Strategies are held weakly: a strategy is a class of a module loaded for one application class
 * loader, and the registry must not keep that loader alive. The registering module keeps its strategy
 * in a static field, which lives as long as the module's classes for that loader.
 */
public final class AsyncEndStrategies {

  /** Replaced as a whole on registration (rare), so a lookup reads one array and allocates nothing. */
  private static volatile WeakReference<?>[] strategies = new WeakReference<?>[0];

  private AsyncEndStrategies() {}

  /** Adds a strategy (once; registering the same one again is a no-op). */
  public static synchronized void register(AsyncEndStrategy strategy) {
    List<WeakReference<?>> kept = new ArrayList<>();
    for (WeakReference<?> held : strategies) {
      Object registered = held.get();
      if (registered == strategy) {
        return;
      }
      if (registered != null) {
        kept.add(held); // strategies of collected module loaders are dropped
      }
    }
    kept.add(new WeakReference<>(strategy));
    strategies = kept.toArray(new WeakReference<?>[0]);
  }

  /**
   * Arranges for {@code end} to run when {@code result} terminates and returns what the method should
   * return instead (often {@code result} itself); null when no strategy knows the result, so the caller
   * ends the operation now. A strategy that throws is skipped (a DEBUG line).
   */
  public static Object endWhenDone(Object result, String declaredReturnType, Context context, AsyncEndStrategy.AsyncEnd end) {
    if (result == null) {
      return null;
    }
    if (result instanceof CompletionStage) {
      ((CompletionStage<?>) result).whenComplete((value, failure) -> end.end(unwrap(failure)));
      return result;
    }
    for (WeakReference<?> held : strategies) {
      AsyncEndStrategy strategy = (AsyncEndStrategy) held.get();
      if (strategy == null) {
        continue;
      }
      try {
        Object replacement = strategy.endWhenDone(result, declaredReturnType, context, end);
        if (replacement != null) {
          return replacement;
        }
      } catch (Throwable t) {
        AgentLog.debug("async end strategy {} failed: {}", strategy.getClass().getName(), t);
      }
    }
    return null;
  }

  /**
   * What a traced call hands to its caller when it returned {@code result}: the {@link #endWhenDone} wrapper, or
   * {@code result} itself with {@code end} run now, when no strategy takes the result or arranging its end failed.
   */
  public static Object endNowOrWhenDone(
      Object result, String declaredReturnType, Context context, AsyncEndStrategy.AsyncEnd end) {
    try {
      Object replacement = endWhenDone(result, declaredReturnType, context, end);
      if (replacement != null) {
        return replacement;
      }
    } catch (Throwable t) {
      AgentLog.debug("asynchronous end not arranged, ending now: {}", t);
    }
    end.end(null);
    return result;
  }

  private static Throwable unwrap(Throwable failure) {
    if ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
      return failure.getCause();
    }
    return failure;
  }
}
