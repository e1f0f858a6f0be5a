package dev.vireo.instrumentation.lettuce;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** Before a command's {@code cancel()}: its span ends. */
public final class CancelAdvice {

  private CancelAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This RedisCommand<?, ?, ?> command) {
    LettuceSpans.cancelled(command);
  }
}
