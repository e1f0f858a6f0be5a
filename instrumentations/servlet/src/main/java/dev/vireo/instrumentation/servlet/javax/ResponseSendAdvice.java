package dev.vireo.instrumentation.servlet.javax;

import net.bytebuddy.asm.Advice;

/** Around {@code HttpServletResponse.sendError} and {@code sendRedirect}; the logic is in the servlet core. */
public final class ResponseSendAdvice {

  private ResponseSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin Class<?> type, @Advice.Origin("#m") String method) {
    return JavaxServletApi.RESPONSE_SPANS.enter(type, method);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state, @Advice.Thrown Throwable thrown) {
    JavaxServletApi.RESPONSE_SPANS.exit(state, thrown);
  }
}
