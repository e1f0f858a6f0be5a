package dev.vireo.instrumentation.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.bytebuddy.asm.Advice;

/** Before {@code Logger.callAppenders}: the event as a log record, on the logging thread. */
public final class CallAppendersAdvice {

  private CallAppendersAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) ILoggingEvent event) {
    LogbackRecords.emit(event);
  }
}
