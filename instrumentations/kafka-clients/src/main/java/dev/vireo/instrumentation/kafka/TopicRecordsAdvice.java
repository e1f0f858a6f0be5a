package dev.vireo.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.records(String topic)} returns a {@link TracingIterable}. */
public final class TopicRecordsAdvice {

  private TopicRecordsAdvice() {}

  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static Iterable<?> exit(@Advice.This ConsumerRecords<?, ?> records, @Advice.Return Iterable<?> iterable) {
    return ProcessSpans.wrap(records, iterable);
  }
}
