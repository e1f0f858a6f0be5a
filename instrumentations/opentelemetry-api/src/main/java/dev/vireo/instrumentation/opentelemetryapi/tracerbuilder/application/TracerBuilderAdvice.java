package dev.vireo.instrumentation.opentelemetryapi.tracerbuilder.application;

import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;
import net.bytebuddy.asm.Advice;

/** After the API's default {@code TracerProvider.tracerBuilder(name)}: a real builder for the bridged provider. */
public final class TracerBuilderAdvice {

  private TracerBuilderAdvice() {}

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static TracerBuilder exit(
      @Advice.This TracerProvider provider, @Advice.Argument(0) String name, @Advice.Return TracerBuilder original) {
    return ApplicationTracerBuilder.forProvider(provider, name, original);
  }
}
