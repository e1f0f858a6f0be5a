package dev.vireo.instrumentation.kafka;

import java.util.Iterator;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.iterator()} returns a {@link TracingIterator}. */
public final class RecordsIteratorAdvice {

  private RecordsIteratorAdvice() {}

  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static Iterator<?> exit(@Advice.This ConsumerRecords<?, ?> records, @Advice.Return Iterator<?> iterator) {
    return ProcessSpans.wrap(records, iterator);
  }
}
