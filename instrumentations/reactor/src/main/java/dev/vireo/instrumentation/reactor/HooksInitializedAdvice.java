package dev.vireo.instrumentation.reactor;

import net.bytebuddy.asm.Advice;

/**
 * End of {@code Hooks}' static initializer: installs the context hook before any operator is assembled,
 * and registers the end strategy for traced methods that return a {@code Mono} or {@code Flux}.
 */
public final class HooksInitializedAdvice {

  private HooksInitializedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit() {
    ContextLifter.install();
    ReactorAsyncEndStrategy.register();
  }
}
