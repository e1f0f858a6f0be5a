package dev.vireo.instrumentation.jettyhttpclient;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.eclipse.jetty.client.Response;

/**
 * Around {@code HttpRequest.send(CompleteListener)} (also under the blocking {@code send()}): the
 * application's listener is called back in the caller's context; see {@link CallerContextListener}.
 */
public final class SendAdvice {

  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object enter(@Advice.Argument(0) Response.CompleteListener listener) {
    return CallerContextListener.wrap(listener);
  }
}
