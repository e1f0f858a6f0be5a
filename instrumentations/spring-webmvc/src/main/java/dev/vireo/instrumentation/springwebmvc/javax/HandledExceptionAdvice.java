package dev.vireo.instrumentation.springwebmvc.javax;

import dev.vireo.instrumentation.api.semconv.http.HttpServerHandledError;
import io.opentelemetry.context.Context;
import net.bytebuddy.asm.Advice;

/**
 * After {@code DispatcherServlet.processHandlerException}: when it returns, a resolver turned the
 * exception into a response, so the servlet never sees it; when it throws, the exception goes on to
 * the servlet span itself.
 */
public final class HandledExceptionAdvice {

  private HandledExceptionAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(3) Exception handled, @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      HttpServerHandledError.record(Context.current(), handled);
    }
  }
}
