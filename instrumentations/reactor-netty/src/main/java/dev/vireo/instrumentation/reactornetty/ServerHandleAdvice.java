package dev.vireo.instrumentation.reactornetty;

import java.util.function.BiFunction;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** {@code HttpServer.handle(handler)}: the handler is swapped for one that traces each request. */
public final class ServerHandleAdvice {

  private ServerHandleAdvice() {}

  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0)
          BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ?> handler) {
    return TracingRequestHandler.wrap(handler);
  }
}
