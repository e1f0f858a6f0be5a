package dev.vireo.instrumentation.reactor;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import reactor.core.CoreSubscriber;

/**
 * {@code subscribe(CoreSubscriber)} of a publisher Reactor's hooks never see: the subscriber gets its signals with
 * the subscription's context, as if the publisher were an operator assembled through the hooks and lifted. Two kinds:
 * Reactor's sinks ({@code Sinks.one()}, {@code empty()}, {@code many()} and the processors behind them), which emit
 * on whichever thread calls {@code tryEmit...}; and a library's own {@code Mono} or {@code Flux} subclass (Reactor
 * Netty's connection and inbound publishers, say), which emits on the library's threads.
 */
public final class SubscribeInContextAdvice {

  private SubscribeInContextAdvice() {}

  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) CoreSubscriber<Object> subscriber) {
    try {
      return ContextLifter.withCurrentContext(subscriber);
    } catch (Throwable t) {
      return subscriber;
    }
  }
}
