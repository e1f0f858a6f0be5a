package dev.vireo.instrumentation.jettyhttpclient9;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.HttpExchange;

/** Before an exchange that no connection took is failed (its listeners notified): the span ends with the failure. */
public final class ExchangeFailedAdvice {

  private ExchangeFailedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This HttpExchange exchange, @Advice.Argument(0) Throwable failure) {
    JettyClientSpans.onExchangeEnded(exchange, exchange.getResponse(), failure);
  }
}
