package dev.vireo.instrumentation.spi;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The types one piece of advice applies to, and which methods of them get which advice. Modules
 * declare theirs one way, with {@link #forTypes}:
 *
 * <pre>{@code
 * TypeInstrumentation.forTypes(named("java.net.HttpURLConnection"))
 *     .advise(named("connect").and(takesArguments(0)), PACKAGE + "ConnectAdvice")
 * }</pre>
 */
public interface TypeInstrumentation {

  ElementMatcher<TypeDescription> typeMatcher();

  void transform(AdviceTarget target);

  /**
   * Whether the agent adds a slot field to the matched types as they load (see {@link
   * AdvisedTypes#withInjectedSlot}); only the types matched themselves get it, their subclasses
   * inherit it.
   */
  default boolean injectsSlot() {
    return false;
  }

  /**
   * Whether {@link #typeMatcher} decides by the class name alone ({@code named}, {@code namedOneOf}), so that it
   * costs less than the module's class loader check: the agent then asks the loader only about classes of those
   * names, and a library absent from the application costs no look-up through its class loaders.
   */
  default boolean matchesByNameOnly() {
    return false;
  }

  /** Starts the declaration of the advice for the types {@code types} matches. */
  static AdvisedTypes forTypes(ElementMatcher<TypeDescription> types) {
    return new AdvisedTypes(types);
  }
}
