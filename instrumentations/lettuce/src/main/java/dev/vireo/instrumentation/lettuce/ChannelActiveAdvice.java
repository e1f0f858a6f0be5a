package dev.vireo.instrumentation.lettuce;

import io.netty.channel.Channel;
import net.bytebuddy.asm.Advice;

/** Before {@code DefaultEndpoint.notifyChannelActive(channel)}: the connection's server (again after a reconnect). */
public final class ChannelActiveAdvice {

  private ChannelActiveAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object endpoint, @Advice.Argument(0) Channel channel) {
    LettuceConnections.connected(endpoint, channel);
  }
}
