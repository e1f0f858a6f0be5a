package dev.vireo.instrumentation.jms.javax;

import javax.jms.Message;
import javax.jms.MessageProducer;
import net.bytebuddy.asm.Advice;

/** Around {@code MessageProducer.send(Message, ...)} (the producer's destination): see {@link ProducerSpans}. */
public final class ProducerSendAdvice {

  private ProducerSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] enter(@Advice.This MessageProducer producer, @Advice.Argument(0) Message message) {
    return ProducerSpans.start(producer, null, message);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] span, @Advice.Thrown Throwable thrown) {
    ProducerSpans.end(span, thrown);
  }
}
