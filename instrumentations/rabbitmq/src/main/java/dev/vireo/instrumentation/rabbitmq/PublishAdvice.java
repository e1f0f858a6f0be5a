package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around {@code ChannelN.basicPublish}: the logic is in {@link PublishSpans}. */
public final class PublishAdvice {

  private PublishAdvice() {}

  /** Returns {properties to publish (with the propagation headers), span state}. */
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 4, index = 0, typing = Assigner.Typing.DYNAMIC))
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] enter(
      @Advice.Argument(0) String exchange,
      @Advice.Argument(1) String routingKey,
      @Advice.Argument(4) AMQP.BasicProperties properties) {
    return PublishSpans.start(exchange, routingKey, properties);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable thrown) {
    PublishSpans.end(enter, thrown);
  }
}
