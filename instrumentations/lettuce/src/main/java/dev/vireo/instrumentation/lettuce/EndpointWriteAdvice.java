package dev.vireo.instrumentation.lettuce;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** Before {@code DefaultEndpoint.write(RedisCommand)}: a command goes to this endpoint's node. */
public final class EndpointWriteAdvice {

  private EndpointWriteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object endpoint, @Advice.Argument(0) RedisCommand<?, ?, ?> command) {
    LettuceSpans.written(endpoint, command);
  }
}
