package dev.vireo.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Around tryFire of CompletableFuture's UniCompletion stages (thenApply, thenCompose, whenComplete,
 * ...): their context is current while they fire, and released once they have fired (the JDK clears
 * {@code dep} then), so a busy chain does not leave one entry per stage until the GC finds it.
 */
public final class CompletionFiredAdvice {

  private CompletionFiredAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object completion) {
    return TaskScopes.enter(completion, false);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This Object completion, @Advice.Enter Object scope, @Advice.FieldValue("dep") Object dependent) {
    TaskScopes.exit(scope);
    if (dependent == null) {
      TaskContexts.detach(completion);
    }
  }
}
