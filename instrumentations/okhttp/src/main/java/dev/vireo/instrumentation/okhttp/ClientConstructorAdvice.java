package dev.vireo.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;
import okhttp3.OkHttpClient;

/**
 * Before {@code OkHttpClient(Builder)} copies the builder's interceptors: adds the tracing ones. Not
 * done in the builder's constructors: 4.x's copying constructor calls the plain one first and then
 * appends the client's interceptors, which would add them twice.
 */
public final class ClientConstructorAdvice {

  private ClientConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) OkHttpClient.Builder builder) {
    TracingInterceptors.addTo(builder);
  }
}
