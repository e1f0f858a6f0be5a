package dev.vireo.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Around {@code HttpClientImpl.sendAsync}: the request argument is replaced by one carrying the
 * trace headers, and the returned future by one that ends the span and completes dependent stages
 * in the caller's context.
 */
public final class SendAsyncAdvice {

  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
    return ClientCalls.start(request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(
      @Advice.Enter Object[] started,
      @Advice.Return CompletableFuture<?> future,
      @Advice.Thrown Throwable thrown) {
    return ClientCalls.endAsync(started, future, thrown);
  }
}
