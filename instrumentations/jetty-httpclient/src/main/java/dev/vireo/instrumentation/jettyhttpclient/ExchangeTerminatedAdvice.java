package dev.vireo.instrumentation.jettyhttpclient;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpExchange;

/**
 * After {@code HttpExchange.terminateRequest} or {@code terminateResponse}: the one of the two that
 * finds the other side complete returns the exchange's result, before Jetty notifies the listeners.
 */
public final class ExchangeTerminatedAdvice {

  private ExchangeTerminatedAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This HttpExchange exchange, @Advice.Return Result result) {
    if (result != null) {
      JettyClientSpans.onExchangeEnded(exchange, result.getResponse(), result.getFailure());
    }
  }
}
