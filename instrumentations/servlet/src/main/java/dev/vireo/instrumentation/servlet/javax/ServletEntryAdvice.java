package dev.vireo.instrumentation.servlet.javax;

import net.bytebuddy.asm.Advice;

/** Around {@code Servlet.service} and {@code Filter.doFilter}; the logic is in the servlet core. */
public final class ServletEntryAdvice {

  private ServletEntryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response) {
    return JavaxServletApi.SPANS.enter(request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response,
      @Advice.Enter Object state,
      @Advice.Thrown Throwable thrown) {
    JavaxServletApi.SPANS.exit(request, response, state, thrown);
  }
}
