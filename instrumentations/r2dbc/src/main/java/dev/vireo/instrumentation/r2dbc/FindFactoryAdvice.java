package dev.vireo.instrumentation.r2dbc;

import net.bytebuddy.asm.Advice;

/** After {@code ConnectionFactories.find(options)}: the factory's options are remembered. */
public final class FindFactoryAdvice {

  private FindFactoryAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) Object options, @Advice.Return Object factory) {
    ConnectionInfos.factoryFound(factory, options);
  }
}
