package dev.vireo.instrumentation.lettuce;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/**
 * Before {@code StatefulRedisClusterConnectionImpl.dispatch(RedisCommand)}: a cluster command is
 * issued; its node is not chosen yet (see {@link LettuceSpans#clusterDispatched}).
 */
public final class ClusterDispatchAdvice {

  private ClusterDispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) RedisCommand<?, ?, ?> command) {
    LettuceSpans.clusterDispatched(command);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) RedisCommand<?, ?, ?> command, @Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      LettuceSpans.failed(command, thrown);
    }
  }
}
