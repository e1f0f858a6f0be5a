package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.CurrentSpanCall;
import net.bytebuddy.asm.Advice;

/** Around {@code Transaction.commit()}: a span {@code Transaction.commit}, parent of the flush's statements. */
public final class TransactionCommitAdvice {

  private TransactionCommitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return HibernateSpans.OPERATIONS.startCommit();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable thrown) {
    CurrentSpanCall.endIfStarted(operation, thrown);
  }
}
