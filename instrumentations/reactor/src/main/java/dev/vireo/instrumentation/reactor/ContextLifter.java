package dev.vireo.instrumentation.reactor;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;

/**
 * The operator hook: when a lifted operator is subscribed while a context is current, the subscriber it
 * emits to is wrapped in a {@link ContextSubscriber} that makes that context current for each signal.
 * Subscription runs from the last operator up to the source on the subscribing thread (or on the
 * thread a scheduler hands it to, which the executors module gives the same context), so every
 * operator of a chain sees the context of its subscription. Nothing is wrapped while no context is
 * current, nor when the operator already emits into a subscriber restoring the same context.
 *
 * <p>Only operators whose output can start on another thread are lifted ({@link #mayEmitElsewhere}):
 * sources, operators that subscribe to other publishers or switch threads. An operator that only passes
 * signals on ({@link OperatorKind#PASS_THROUGH}) after one of those emits on the thread, and so in the
 * context, of its input, and needs nothing of its own.
 *
 * <p>A source not assembled through Reactor's hooks (a library's own {@code Flux}, a plain {@code Publisher}
 * inside {@code flatMap}) emits into the first operator after it unwrapped: Reactor's sinks therefore get the
 * same wrapping when subscribed ({@link SinkSubscribeAdvice}). Known gap: after any other such source, the
 * first operator runs its callback in the emitting thread's context; that operator is lifted whatever its
 * kind, so every operator after it gets the context back.
 */
final class ContextLifter implements BiFunction<Scannable, CoreSubscriber<? super Object>, CoreSubscriber<? super Object>> {

  /** Hook key, so a second install replaces rather than stacks. */
  static final String KEY = "dev.vireo.reactor.context";

  private ContextLifter() {}

  static void install() {
    try {
      Function<? super Publisher<Object>, ? extends Publisher<Object>> lift = Operators.lift(new ContextLifter());
      // an operator that is not lifted is returned as it is: no wrapper publisher, no subscriber, fusion kept
      Hooks.onEachOperator(KEY, publisher -> mayEmitElsewhere(publisher) ? lift.apply(publisher) : publisher);
    } catch (Throwable t) {
      AgentLog.debug("reactor: context hook not installed: {}", t);
    }
  }

  /**
   * Whether the subscriber of {@code operator}, being assembled, can receive a signal on a thread where its
   * subscription's context is not current. A pass-through operator can only if its input can: when it is assembled
   * on a publisher the hook did not see (a library's own {@code Flux}, say) or did not lift when it should have.
   */
  static boolean mayEmitElsewhere(Publisher<?> operator) {
    switch (OperatorKind.of(operator)) {
      case CALLABLE:
        return false;
      case PASS_THROUGH:
        // every pass-through class is one of Reactor's operators, and Scannable
        Object upstream = ((Scannable) operator).scanUnsafe(Scannable.Attr.PARENT);
        if (upstream == null) {
          return true;
        }
        switch (OperatorKind.of(upstream)) {
          case CALLABLE:
          case PASS_THROUGH:
            return false; // has what its own input has, decided when it was assembled
          case LIFT:
            // carries the context if this hook lifted it (Reactor names a lift by its lifter's toString())
            return !KEY.equals(((Scannable) upstream).scanUnsafe(Scannable.Attr.LIFTER));
          default:
            return true;
        }
      default:
        return true;
    }
  }

  /** Reactor names a lifted publisher's lifter ({@code Attr.LIFTER}) by this. */
  @Override
  public String toString() {
    return KEY;
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
