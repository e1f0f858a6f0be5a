package dev.vireo.instrumentation.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** After {@code LoggingEvent.getMDCPropertyMap}: the map with the logging call's span added. */
public final class MdcPropertyMapAdvice {

  private MdcPropertyMapAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This ILoggingEvent event, @Advice.Return Map<String, String> map) {
    return SpanMdc.withSpan(event, map);
  }
}
