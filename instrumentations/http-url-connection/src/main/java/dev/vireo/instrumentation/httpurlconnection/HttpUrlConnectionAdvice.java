package dev.vireo.instrumentation.httpurlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** Around connect/getOutputStream/getInputStream/getResponseCode; the logic is in {@link ConnectionSpans}. */
public final class HttpUrlConnectionAdvice {

  private HttpUrlConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.This HttpURLConnection connection, @Advice.FieldValue("connected") boolean connected) {
    return ConnectionSpans.enter(connection, connected);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This HttpURLConnection connection,
      @Advice.Enter Object state,
      @Advice.Thrown Throwable thrown,
      @Advice.Origin("#m") String method,
      @Advice.FieldValue("responseCode") int responseCode) {
    ConnectionSpans.exit(connection, state, thrown, method, responseCode);
  }
}
