package dev.vireo.instrumentation.rxjava3;

import net.bytebuddy.asm.Advice;

/** A constructor of an RxJava base class: registers the end strategy the first time (then one volatile read). */
public final class FirstObjectAdvice {

  private FirstObjectAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit() {
    RxJavaAsyncEndStrategy.registerOnce();
  }
}
