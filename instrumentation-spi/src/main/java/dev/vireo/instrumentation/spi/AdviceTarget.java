package dev.vireo.instrumentation.spi;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where a {@link TypeInstrumentation} attaches advice.
 *
 * <p>Advice classes are plain classes with static methods annotated {@code
 * @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)} / {@code
 * @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)}.
 * They are not inlined: the agent links each call site with invokedynamic to the advice class
 * loaded for the instrumented class's loader. Hence parameter and return types of advice methods
 * must be visible to the instrumented class: library types, JDK types, or {@code Object} (for the
 * agent's own types, which the instrumented class cannot see).
 */
public interface AdviceTarget {

  /** Applies the advice class (by name, so it is never loaded in the agent's class loader). */
  AdviceTarget applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
