package dev.vireo.testmodules.throwing;

import net.bytebuddy.asm.Advice;

public final class ThrowingAdvice {

  private ThrowingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    throw new IllegalStateException("bug in enter advice");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    throw new NoClassDefFoundError("bug in exit advice");
  }
}
