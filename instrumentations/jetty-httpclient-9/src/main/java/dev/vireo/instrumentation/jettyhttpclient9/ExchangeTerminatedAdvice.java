package dev.vireo.instrumentation.jettyhttpclient9;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.HttpExchange;
import org.eclipse.jetty.client.api.Result;

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
