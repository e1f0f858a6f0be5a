package dev.vireo.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around {@code HttpClientImpl.send}: the request argument is replaced by one carrying the trace headers. */
public final class SendAdvice {

  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
    return ClientCalls.start(request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object[] started, @Advice.Return HttpResponse<?> response, @Advice.Thrown Throwable thrown) {
    ClientCalls.endSend(started, response, thrown);
  }
}
