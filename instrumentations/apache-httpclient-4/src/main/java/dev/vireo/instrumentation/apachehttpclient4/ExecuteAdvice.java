package dev.vireo.instrumentation.apachehttpclient4;

import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/** Around {@code CloseableHttpClient.doExecute}: one application call; see {@link ApacheHttpClient4Spans}. */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
    return ApacheHttpClient4Spans.startCall(target, request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call, @Advice.Return HttpResponse response, @Advice.Thrown Throwable thrown) {
    ApacheHttpClient4Spans.endCall(call, response, thrown);
  }
}
