package dev.vireo.instrumentation.apachehttpclient5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/** Around the classic {@code CloseableHttpClient.doExecute}: one application call; see {@link ApacheHttpClient5Spans}. */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request) {
    return ApacheHttpClient5Spans.startCall(target, request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call, @Advice.Return HttpResponse response, @Advice.Thrown Throwable thrown) {
    ApacheHttpClient5Spans.endCall(call, response, thrown);
  }
}
