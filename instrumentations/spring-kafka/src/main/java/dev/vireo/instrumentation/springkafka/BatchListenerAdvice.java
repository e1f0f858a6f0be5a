package dev.vireo.instrumentation.springkafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** Around a batch listener's call; the logic is in {@link BatchSpans}. */
public final class BatchListenerAdvice {

  private BatchListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) ConsumerRecords<?, ?> records) {
    return BatchSpans.start(records);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state, @Advice.Thrown Throwable thrown) {
    BatchSpans.end(state, thrown);
  }
}
