package dev.vireo.instrumentation.kafka;

import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.records(TopicPartition)} returns a {@link TracingList}. */
public final class PartitionRecordsAdvice {

  private PartitionRecordsAdvice() {}

  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static List<?> exit(@Advice.This ConsumerRecords<?, ?> records, @Advice.Return List<?> list) {
    return ProcessSpans.wrap(records, list);
  }
}
