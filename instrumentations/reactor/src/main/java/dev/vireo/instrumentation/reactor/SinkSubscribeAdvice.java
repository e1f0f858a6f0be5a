package dev.vireo.instrumentation.reactor;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import reactor.core.CoreSubscriber;

/**
 * {@code subscribe(CoreSubscriber)} of a Reactor sink ({@code Sinks.one()}, {@code empty()},
 * {@code many()} and the processors behind them): the subscriber, usually the first operator after
 * {@code asMono()}/{@code asFlux()}, gets its signals with the subscription's context, as if the sink
 * were an operator assembled through the hooks. A sink emits on whichever thread calls
 * {@code tryEmit...}, which rarely has that context.
 */
public final class SinkSubscribeAdvice {

  private SinkSubscribeAdvice() {}

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
