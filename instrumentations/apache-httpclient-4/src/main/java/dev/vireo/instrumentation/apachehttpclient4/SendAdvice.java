package dev.vireo.instrumentation.apachehttpclient4;

import net.bytebuddy.asm.Advice;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.protocol.HttpContext;

/** Around httpcore's {@code HttpRequestExecutor.execute}: one request on the wire; see {@link ApacheHttpClient4Spans}. */
public final class SendAdvice {

  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) HttpRequest request, @Advice.Argument(2) HttpContext context) {
    return ApacheHttpClient4Spans.startAttempt(request, context);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object attempt, @Advice.Return HttpResponse response, @Advice.Thrown Throwable thrown) {
    ApacheHttpClient4Spans.endAttempt(attempt, response, thrown);
  }
}
