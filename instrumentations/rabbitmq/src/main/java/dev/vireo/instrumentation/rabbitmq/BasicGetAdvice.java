package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.GetResponse;
import net.bytebuddy.asm.Advice;

/** Around {@code ChannelN.basicGet}: the logic is in {@link ReceiveSpans}. */
public final class BasicGetAdvice {

  private BasicGetAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static long enter() {
    return ReceiveSpans.now();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) String queue,
      @Advice.Enter long startEpochNanos,
      @Advice.Return GetResponse response,
      @Advice.Thrown Throwable thrown) {
    ReceiveSpans.received(queue, startEpochNanos, response, thrown);
  }
}
