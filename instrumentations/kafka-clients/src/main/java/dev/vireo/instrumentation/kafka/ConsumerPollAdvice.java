package dev.vireo.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Around {@code KafkaConsumer.poll}: the logic is in {@link ReceiveSpans}. */
public final class ConsumerPollAdvice {

  private ConsumerPollAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static long enter() {
    return ReceiveSpans.pollStarted();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This KafkaConsumer<?, ?> consumer,
      @Advice.Enter long startEpochNanos,
      @Advice.Return ConsumerRecords<?, ?> records,
      @Advice.Thrown Throwable thrown) {
    ReceiveSpans.pollEnded(consumer, startEpochNanos, records, thrown);
  }
}
