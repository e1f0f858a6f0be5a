package dev.vireo.instrumentation.springdata;

import net.bytebuddy.asm.Advice;

/** After a repository factory's constructor: the logic is in {@link RepositorySpans}. */
public final class RepositoryFactoryCreatedAdvice {

  private RepositoryFactoryCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object factory) {
    RepositorySpans.watch(factory);
  }
}
