package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import io.opentelemetry.context.ContextStorage;
import net.bytebuddy.asm.Advice;

/**
 * Around the application's {@code ContextStorage.get()}: the agent-backed storage, without running
 * the original (its lazy initialization looks up storage providers the application may carry).
 */
public final class ContextStorageGetAdvice {

  private ContextStorageGetAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static ContextStorage enter() {
    return ApplicationBridge.contextStorage();
  }

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static ContextStorage exit(@Advice.Enter ContextStorage bridged, @Advice.Return ContextStorage original) {
    return bridged != null ? bridged : original;
  }
}
