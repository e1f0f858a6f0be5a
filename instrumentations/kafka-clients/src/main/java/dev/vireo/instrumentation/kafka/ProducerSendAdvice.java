package dev.vireo.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Around {@code KafkaProducer.send(record, callback)}: the logic is in {@link ProducerSpans}. */
public final class ProducerSendAdvice {

  private ProducerSendAdvice() {}

  /** Returns {replacement callback, span state}; the callback is swapped for one that ends the span. */
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 1, index = 0, typing = Assigner.Typing.DYNAMIC))
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] enter(
      @Advice.This KafkaProducer<?, ?> producer,
      @Advice.Argument(0) ProducerRecord<?, ?> record,
      @Advice.Argument(1) Callback callback) {
    return ProducerSpans.start(producer, record, callback);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] enter, @Advice.Thrown Throwable thrown) {
    ProducerSpans.afterSend(enter, thrown);
  }
}
