package dev.vireo.instrumentation.servlet.javax;

import javax.servlet.AsyncContext;
import net.bytebuddy.asm.Advice;

/**
 * {@code AsyncContext.start(Runnable)}: instead of the original call, starts the runnable wrapped in
 * the caller's context (the original body is skipped when the wrapped call was made; the wrapped
 * call itself passes through unchanged).
 */
public final class AsyncStartAdvice {

  private AsyncStartAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static boolean enter(@Advice.This AsyncContext asyncContext, @Advice.Argument(0) Runnable work) {
    return JavaxServletApi.startInCurrentContext(asyncContext, work);
  }
}
