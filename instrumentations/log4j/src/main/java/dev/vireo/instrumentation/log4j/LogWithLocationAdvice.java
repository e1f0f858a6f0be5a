package dev.vireo.instrumentation.log4j;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;
import net.bytebuddy.asm.Advice;

/** Before {@code Logger.log(level, marker, fqcn, location, message, thrown)} (the LogBuilder path). */
public final class LogWithLocationAdvice {

  private LogWithLocationAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This Logger logger,
      @Advice.Argument(0) Level level,
      @Advice.Argument(4) Message message,
      @Advice.Argument(5) Throwable thrown) {
    Log4jRecords.emit(logger, level, message, thrown);
  }
}
