package dev.vireo.instrumentation.log4j;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;
import net.bytebuddy.asm.Advice;

/** Before {@code Logger.logMessage(fqcn, level, marker, message, thrown)}: the event as a log record. */
public final class LogMessageAdvice {

  private LogMessageAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This Logger logger,
      @Advice.Argument(1) Level level,
      @Advice.Argument(3) Message message,
      @Advice.Argument(4) Throwable thrown) {
    Log4jRecords.emit(logger, level, message, thrown);
  }
}
