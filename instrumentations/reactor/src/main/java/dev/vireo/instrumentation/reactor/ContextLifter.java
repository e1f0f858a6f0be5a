package dev.vireo.instrumentation.reactor;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import java.util.function.BiFunction;
import java.util.function.Function;
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
 * sources, operators that switch threads or subscribe to any {@code Publisher}. An operator that only passes
 * signals on ({@link OperatorKind#PASS_THROUGH}), or passes on what the {@code Mono}s it subscribes to in the
 * subscription's context emit ({@link OperatorKind#INNER_MONOS}: {@code Mono.flatMap}, {@code defer}, {@code then}
 * ...), emits on the thread, and so in the context, of its input or of those {@code Mono}s, and needs nothing of
 * its own.
 *
 * <p>A source not assembled through Reactor's hooks emits into the first operator after it unwrapped. Reactor's
 * sinks and a library's own {@code Mono} and {@code Flux} subclasses therefore get the same wrapping when subscribed
 * ({@link SubscribeInContextAdvice}), and an operator assembled on such a {@code Mono} or {@code Flux} needs nothing
 * of its own ({@link OperatorKind#LIBRARY_PUBLISHER}). Known gap: a plain {@code Publisher} (neither {@code Mono} nor
 * {@code Flux}) subscribed by an operator directly, the inner publisher of {@code Flux.flatMap} say, emits into that
 * operator in the emitting thread's context; such operators are lifted, so every operator after them gets the
 * context back.
 */
final class ContextLifter implements BiFunction<Scannable, CoreSubscriber<? super Object>, CoreSubscriber<? super Object>> {

  /** Hook key, so a second install replaces rather than stacks. */
  static final String KEY = "dev.vireo.reactor.context";

  private ContextLifter() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void install() {
    try {
      Function lift = Operators.lift(new ContextLifter());
      // An operator that is not lifted is returned as it is: no wrapper publisher, no subscriber, fusion kept.
      // Typed Object to Object and handed to Reactor raw, so that no cast to an interface runs on each assembly:
      // up to JDK 22 such a cast writes the class's one-entry cache of secondary super types, and event loops
      // checking the same operator classes against other interfaces (Reactor does) keep taking that cache line
      // from each other (JDK-8180450). With the casts, ReactorChainBenchmark's Mono chain took 913 ns per call on
      // two threads against 387 on one; without them, 358 and 375. The decision reads operators likewise
      // (OperatorClass).
      Function<Object, Object> hook = publisher -> mayEmitElsewhere(publisher) ? lift.apply(publisher) : publisher;
      Hooks.onEachOperator(KEY, (Function) hook);
    } catch (Throwable t) {
      AgentLog.debug("reactor: context hook not installed: {}", t);
    }
  }

  /**
   * Whether the subscriber of {@code operator}, being assembled, can receive a signal on a thread where its
   * subscription's context is not current. A pass-through operator, or one that only passes on what the {@code Mono}s
   * it subscribes to emit, can only if its input can: when it is assembled on a publisher the hook did not see (a
   * library's own {@code Flux}, say) or did not lift when it should have.
   */
  static boolean mayEmitElsewhere(Object operator) {
    OperatorClass operatorClass = OperatorClass.of(operator);
    switch (operatorClass.kind) {
      case CALLABLE:
      case LIBRARY_PUBLISHER: // wrapped when subscribed, if a library assembles it through the hooks at all
        return false;
      case PASS_THROUGH:
      case INNER_MONOS:
        Object upstream = operatorClass.upstream(operator);
        if (upstream == null) {
          // defer, then, zip ...: nothing but the Monos they subscribe to
          return operatorClass.kind != OperatorKind.INNER_MONOS;
        }
        OperatorClass upstreamClass = OperatorClass.of(upstream);
        switch (upstreamClass.kind) {
          case CALLABLE:
          case PASS_THROUGH:
          case INNER_MONOS:
            return false; // has what its own input has, decided when it was assembled
          case LIBRARY_PUBLISHER:
            return false; // its subscriber, this operator's, is wrapped when subscribed
          case LIFT:
            // carries the context if this hook lifted it (Reactor names a lift by its lifter's toString())
            return !KEY.equals(upstreamClass.scan(upstream, Scannable.Attr.LIFTER));
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
