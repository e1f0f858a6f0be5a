package dev.vireo.instrumentation.lettuce;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** Around {@code StatefulRedisConnectionImpl.dispatch(RedisCommand)}: the command's span starts. */
public final class DispatchAdvice {

  private DispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object connection, @Advice.Argument(0) RedisCommand<?, ?, ?> command) {
    LettuceSpans.dispatched(connection, command);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) RedisCommand<?, ?, ?> command, @Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      LettuceSpans.failed(command, thrown);
    }
  }
}
