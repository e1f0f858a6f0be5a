package dev.vireo.instrumentation.jms.javax;

import javax.jms.Message;
import net.bytebuddy.asm.Advice;

/** Around {@code MessageConsumer.receive()}, {@code receive(timeout)}, {@code receiveNoWait()}: see {@link ReceiveSpans}. */
public final class ConsumerReceiveAdvice {

  private ConsumerReceiveAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static long enter() {
    return ReceiveSpans.receiveStarted();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter long startEpochNanos, @Advice.Return Message message, @Advice.Thrown Throwable thrown) {
    ReceiveSpans.receiveEnded(startEpochNanos, message, thrown);
  }
}
