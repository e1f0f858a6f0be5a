package dev.vireo.testmodules.slot;

import net.bytebuddy.asm.Advice;

public final class RanAdvice {

  private RanAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object task) {
    RunMarks.mark(task);
  }
}
