package dev.vireo.instrumentation.jms.javax;

import javax.jms.Message;
import net.bytebuddy.asm.Advice;

/** Around {@code MessageListener.onMessage}: see {@link ProcessSpans}. */
public final class ListenerAdvice {

  private ListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] enter(@Advice.Argument(0) Message message) {
    return ProcessSpans.start(message);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] span, @Advice.Thrown Throwable thrown) {
    ProcessSpans.end(span, thrown);
  }
}
