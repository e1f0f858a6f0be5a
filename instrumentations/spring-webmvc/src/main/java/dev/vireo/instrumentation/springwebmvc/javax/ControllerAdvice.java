package dev.vireo.instrumentation.springwebmvc.javax;

import net.bytebuddy.asm.Advice;

/** Around {@code AbstractHandlerMethodAdapter.handle}: the optional controller span. */
public final class ControllerAdvice {

  private ControllerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(2) Object handler) {
    return ControllerSpans.start(handler);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state, @Advice.Thrown Throwable thrown) {
    ControllerSpans.end(state, thrown);
  }
}
