package dev.vireo.instrumentation.lettuce;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/**
 * Before a command's {@code complete()}: its reply is decoded (an error reply too), and whoever
 * waits for it is not told yet, so the span ends before the caller goes on.
 */
public final class CompleteAdvice {

  private CompleteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This RedisCommand<?, ?, ?> command) {
    LettuceSpans.completed(command);
  }
}
