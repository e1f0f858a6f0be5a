package dev.vireo.instrumentation.springwebflux;

import dev.vireo.instrumentation.api.semconv.http.HttpServerHandledError;
import io.opentelemetry.context.Context;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebExceptionHandler.handle(exchange, error)}: Spring (or Boot's error handler) is turning an
 * exception into a response, so it never reaches the server instrumentation; remembered for the
 * SERVER span, which records it if the response is a 5xx. Runs in the request's reactive chain, where
 * the SERVER span is current.
 */
public final class ExceptionHandledAdvice {

  private ExceptionHandledAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(1) Throwable error) {
    HttpServerHandledError.record(Context.current(), error);
  }
}
