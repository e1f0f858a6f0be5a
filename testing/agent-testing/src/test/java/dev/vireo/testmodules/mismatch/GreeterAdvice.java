package dev.vireo.testmodules.mismatch;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testlib.Greeter;
import net.bytebuddy.asm.Advice;

public final class GreeterAdvice {

  private GreeterAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Greeter greeter) {
    VireoTelemetry.get().getTracer("test").spanBuilder("greeted " + greeter.greetV2()).startSpan().end();
  }
}
