package dev.vireo.instrumentation.logback;

import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToFields.ToField;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * After {@code LoggingEvent.getMDCPropertyMap}: the map with the current span added, also kept as the event's own
 * map. Logback first asks on the logging thread (an appender formatting the line, or an async appender preparing
 * the event for its worker), so a later read on another thread finds the logging call's ids already in it.
 */
public final class MdcPropertyMapAdvice {

  private MdcPropertyMapAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  @Advice.AssignReturned.ToFields(@ToField(value = "mdcPropertyMap", typing = Assigner.Typing.DYNAMIC))
  public static Object exit(@Advice.Return Map<String, String> map) {
    return SpanMdc.withCurrentSpan(map);
  }
}
