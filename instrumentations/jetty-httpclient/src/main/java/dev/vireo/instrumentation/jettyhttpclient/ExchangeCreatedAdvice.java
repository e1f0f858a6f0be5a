package dev.vireo.instrumentation.jettyhttpclient;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.transport.HttpExchange;

/** After an {@code HttpExchange} is created: a request is about to go on the wire; see {@link JettyClientSpans}. */
public final class ExchangeCreatedAdvice {

  private ExchangeCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This HttpExchange exchange) {
    JettyClientSpans.onExchangeCreated(exchange);
  }
}
