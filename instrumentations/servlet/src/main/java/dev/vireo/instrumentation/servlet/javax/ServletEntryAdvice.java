package dev.vireo.instrumentation.servlet.javax;

import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import net.bytebuddy.asm.Advice;

/** Around {@code Servlet.service} and {@code Filter.doFilter}; the logic is in {@link ServletRequestSpans}. */
public final class ServletEntryAdvice {

  private ServletEntryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) ServletRequest request, @Advice.Argument(1) ServletResponse response) {
    return ServletRequestSpans.enter(request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Enter Object state,
      @Advice.Thrown Throwable thrown) {
    ServletRequestSpans.exit(request, response, state, thrown);
  }
}
