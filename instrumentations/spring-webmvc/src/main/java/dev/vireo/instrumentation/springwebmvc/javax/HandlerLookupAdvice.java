package dev.vireo.instrumentation.springwebmvc.javax;

import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/** After {@code DispatcherServlet.getHandler}: the route is known (or known to be none). */
public final class HandlerLookupAdvice {

  private HandlerLookupAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) HttpServletRequest request, @Advice.Return Object handler) {
    SpringRoutes.onHandlerLookup(request, handler);
  }
}
