package dev.vireo.instrumentation.springkafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Around a batch listener's call ({@code ListenerConsumer.invokeBatchListener}; its
 * {@code consumerGroupId} field is the group, in Spring Kafka 2.8 to 4); the logic is in {@link BatchSpans}.
 */
public final class BatchListenerAdvice {

  private BatchListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) ConsumerRecords<?, ?> records, @Advice.FieldValue("consumerGroupId") String consumerGroup) {
    return BatchSpans.start(records, consumerGroup);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state, @Advice.Thrown Throwable thrown) {
    BatchSpans.end(state, thrown);
  }
}
