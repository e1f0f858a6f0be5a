package dev.vireo.instrumentation.jul;

import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bytebuddy.asm.Advice;

/** Before {@code Logger.log(LogRecord)}: a loggable record as a log record. */
public final class LogRecordAdvice {

  private LogRecordAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Logger logger, @Advice.Argument(0) LogRecord record) {
    JulRecords.emit(logger, record);
  }
}
