package dev.vireo.instrumentation.apachehttpclient5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/** Around httpcore5's classic {@code HttpRequestExecutor.execute}: one request on the wire; see {@link ApacheHttpClient5Spans}. */
public final class SendAdvice {

  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) ClassicHttpRequest request) {
    return ApacheHttpClient5Spans.startAttempt(request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object attempt, @Advice.Return HttpResponse response, @Advice.Thrown Throwable thrown) {
    ApacheHttpClient5Spans.endAttempt(attempt, response, thrown);
  }
}
