package dev.vireo.instrumentation.grpc;

import io.grpc.ServerBuilder;
import net.bytebuddy.asm.Advice;

/** Before {@code ServerImplBuilder.build()}: adds the server interceptor once per builder. */
public final class ServerBuilderAdvice {

  private ServerBuilderAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This ServerBuilder<?> builder) {
    BuilderInterception.addTo(builder);
  }
}
