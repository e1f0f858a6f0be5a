package dev.vireo.instrumentation.lettuce;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** Before a command's {@code completeExceptionally(Throwable)}: its span ends with the error. */
public final class CompleteExceptionallyAdvice {

  private CompleteExceptionallyAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This RedisCommand<?, ?, ?> command, @Advice.Argument(0) Throwable error) {
    LettuceSpans.failed(command, error);
  }
}
