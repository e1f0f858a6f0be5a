package dev.vireo.instrumentation.grpc;

import io.grpc.ManagedChannelBuilder;
import net.bytebuddy.asm.Advice;

/** Before {@code ManagedChannelImplBuilder.build()}: adds the client interceptor once per builder. */
public final class ChannelBuilderAdvice {

  private ChannelBuilderAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This ManagedChannelBuilder<?> builder) {
    BuilderInterception.addTo(builder);
  }
}
