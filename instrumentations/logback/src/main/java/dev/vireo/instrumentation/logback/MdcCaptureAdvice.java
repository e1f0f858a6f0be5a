package dev.vireo.instrumentation.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.bytebuddy.asm.Advice;

/** Before {@code Logger.callAppenders}: remembers the logging call's span for the event. */
public final class MdcCaptureAdvice {

  private MdcCaptureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) ILoggingEvent event) {
    SpanMdc.capture(event);
  }
}
