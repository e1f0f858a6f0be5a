package dev.vireo.instrumentation.log4j;

import org.apache.logging.log4j.core.ContextDataInjector;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** After {@code ContextDataInjectorFactory.createInjector}: the injector, also adding the current span. */
public final class CreateInjectorAdvice {

  private CreateInjectorAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.Return ContextDataInjector injector) {
    return SpanContextDataInjector.wrap(injector);
  }
}
