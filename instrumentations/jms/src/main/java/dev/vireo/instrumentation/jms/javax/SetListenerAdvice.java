package dev.vireo.instrumentation.jms.javax;

import javax.jms.MessageListener;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code MessageConsumer.setMessageListener}: a lambda listener (a hidden class, which no agent
 * can transform) is registered wrapped in a {@link TracingMessageListener}.
 */
public final class SetListenerAdvice {

  private SetListenerAdvice() {}

  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) MessageListener listener) {
    return TracingMessageListener.wrapLambda(listener);
  }
}
