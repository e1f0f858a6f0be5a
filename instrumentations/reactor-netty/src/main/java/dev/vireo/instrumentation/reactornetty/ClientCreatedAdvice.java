package dev.vireo.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;
import reactor.netty.http.client.HttpClient;

/** {@code HttpClient.create(...)} / {@code newConnection()}: the returned client gets the tracing callbacks. */
public final class ClientCreatedAdvice {

  private ClientCreatedAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static HttpClient exit(@Advice.Return HttpClient client) {
    return ClientSpans.instrument(client);
  }
}
