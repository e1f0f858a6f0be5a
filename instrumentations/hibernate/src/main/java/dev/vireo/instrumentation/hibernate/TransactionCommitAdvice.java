package dev.vireo.instrumentation.hibernate;

import net.bytebuddy.asm.Advice;

/** Around {@code Transaction.commit()}: a span {@code Transaction.commit}, parent of the flush's statements. */
public final class TransactionCommitAdvice {

  private TransactionCommitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return TransactionCommits.start();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable thrown) {
    HibernateOperation.end(operation, thrown);
  }
}
