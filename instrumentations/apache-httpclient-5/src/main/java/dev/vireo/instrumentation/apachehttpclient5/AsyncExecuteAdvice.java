package dev.vireo.instrumentation.apachehttpclient5;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/**
 * Around {@code CloseableHttpAsyncClient.doExecute}: the request producer, response consumer and
 * callback are replaced by traced ones; see {@link AsyncCall}.
 */
public final class AsyncExecuteAdvice {

  private AsyncExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments({
    @ToArgument(value = 1, index = 0, typing = Assigner.Typing.DYNAMIC),
    @ToArgument(value = 2, index = 1, typing = Assigner.Typing.DYNAMIC),
    @ToArgument(value = 5, index = 2, typing = Assigner.Typing.DYNAMIC)
  })
  public static Object[] enter(
      @Advice.Argument(0) HttpHost target,
      @Advice.Argument(1) AsyncRequestProducer producer,
      @Advice.Argument(2) AsyncResponseConsumer<?> consumer,
      @Advice.Argument(5) FutureCallback<?> callback) {
    return AsyncCall.wrap(target, producer, consumer, callback);
  }
}
