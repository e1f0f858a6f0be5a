package dev.vireo.instrumentation.opentelemetryapi.gauges.application;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The API's default {@code build()} of a gauge builder: the bridge's builders get the agent's gauge. */
public final class GaugeBuildAdvice {

  private GaugeBuildAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This Object builder, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object gauge) {
    return ApplicationGauge.forBuilder(builder, gauge);
  }
}
