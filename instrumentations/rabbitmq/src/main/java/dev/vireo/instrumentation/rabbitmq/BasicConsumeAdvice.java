package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.Consumer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ChannelN.basicConsume}: registers a {@link TracingConsumer} around the application's consumer. */
public final class BasicConsumeAdvice {

  private BasicConsumeAdvice() {}

  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 6, typing = Assigner.Typing.DYNAMIC))
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) String queue, @Advice.Argument(6) Consumer consumer) {
    return TracingConsumer.wrap(queue, consumer);
  }
}
