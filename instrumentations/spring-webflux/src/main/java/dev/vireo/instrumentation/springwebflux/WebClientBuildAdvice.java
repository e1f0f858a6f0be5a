package dev.vireo.instrumentation.springwebflux;

import net.bytebuddy.asm.Advice;
import org.springframework.web.reactive.function.client.WebClient;

/** {@code WebClient.Builder.build()}: the tracing filter joins the builder's filters, last, once. */
public final class WebClientBuildAdvice {

  private WebClientBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This WebClient.Builder builder) {
    TracingExchangeFilter.addTo(builder);
  }
}
