package dev.vireo.instrumentation.jms.javax;

import javax.jms.Destination;
import javax.jms.Message;
import net.bytebuddy.asm.Advice;

/** Around {@code MessageProducer.send(Destination, Message, ...)}: see {@link ProducerSpans}. */
public final class ProducerSendToAdvice {

  private ProducerSendToAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] enter(@Advice.Argument(0) Destination destination, @Advice.Argument(1) Message message) {
    return ProducerSpans.start(null, destination, message);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] span, @Advice.Thrown Throwable thrown) {
    ProducerSpans.end(span, thrown);
  }
}
