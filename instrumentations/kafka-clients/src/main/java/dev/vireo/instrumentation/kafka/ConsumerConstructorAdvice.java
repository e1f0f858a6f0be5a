package dev.vireo.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Remembers the consumer's group id (constructors cannot catch, hence no onThrowable). */
public final class ConsumerConstructorAdvice {

  private ConsumerConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This KafkaConsumer<?, ?> consumer, @Advice.Argument(0) ConsumerConfig config) {
    KafkaConsumers.created(consumer, config);
  }
}
