package dev.vireo.instrumentation.springwebflux;

import net.bytebuddy.asm.Advice;
import org.springframework.web.server.ServerWebExchange;

/** {@code HandlerAdapter.handle(exchange, handler)}: the handler is chosen, its pattern is known. */
public final class HandlerAdapterAdvice {

  private HandlerAdapterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) ServerWebExchange exchange) {
    WebFluxRoutes.update(exchange);
  }
}
