package dev.vireo.instrumentation.tracedmethods;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Splits traced methods by what they return: only a method returning an object can hand back an
 * asynchronous result to be replaced, so only it gets the advice that assigns the return value.
 */
public final class ReturnTypes {

  private ReturnTypes() {}

  /** {@code void} or a primitive. */
  public static ElementMatcher.Junction<MethodDescription> primitive() {
    return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
      @Override
      public boolean matches(MethodDescription method) {
        return method.getReturnType().asErasure().isPrimitive();
      }
    };
  }
}
