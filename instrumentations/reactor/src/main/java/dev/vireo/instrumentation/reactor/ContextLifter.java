package dev.vireo.instrumentation.reactor;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import java.util.function.BiFunction;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;

/**
 * The operator hook: when an operator is subscribed while a context is current, the subscriber it
 * emits to is wrapped in a {@link ContextSubscriber} that makes that context current for each signal.
 * Subscription runs from the last operator up to the source on the subscribing thread (or on the
 * thread a scheduler hands it to, which the executors module gives the same context), so every
 * operator of a chain sees the context of its subscription. Nothing is wrapped while no context is
 * current, nor when the operator already emits into a subscriber restoring the same context.
 *
 * <p>A source not assembled through Reactor's hooks emits to the first operator after it unlifted:
 * Reactor's sinks therefore get the same wrapping when subscribed ({@link SinkSubscribeAdvice}). Known
 * gap: after a hand-written {@code Publisher}, the first operator runs its callback in the emitting
 * thread's context; every operator after that one gets the context back.
 */
final class ContextLifter implements BiFunction<Scannable, CoreSubscriber<? super Object>, CoreSubscriber<? super Object>> {

  /** Hook key, so a second install replaces rather than stacks. */
  static final String KEY = "dev.vireo.reactor.context";

  private ContextLifter() {}

  static void install() {
    try {
      Hooks.onEachOperator(KEY, Operators.lift(new ContextLifter()));
    } catch (Throwable t) {
      AgentLog.debug("reactor: context hook not installed: {}", t);
    }
  }

  @Override
  public CoreSubscriber<? super Object> apply(Scannable operator, CoreSubscriber<? super Object> actual) {
    return withCurrentContext(actual);
  }

  /** {@code actual}, receiving its signals with the current context (unchanged when there is none, or it already does). */
  static <T> CoreSubscriber<T> withCurrentContext(CoreSubscriber<T> actual) {
    Context context = Context.current();
    if (context == Context.root() || actual == null) {
      return actual;
    }
    if (actual instanceof ContextSubscriber && ((ContextSubscriber<?>) actual).context == context) {
      return actual;
    }
    return new ContextSubscriber<>(actual, context);
  }
}
