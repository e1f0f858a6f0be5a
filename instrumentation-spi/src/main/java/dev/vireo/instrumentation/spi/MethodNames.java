package dev.vireo.instrumentation.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * A method matcher that knows the names of every method it can match. Given to {@link AdvisedTypes#advise} for all of
 * a type instrumentation's advice, it lets the agent skip, without any super type walk, each class that declares no
 * method with one of those names, read from its class file: the advice would change nothing in it. Narrowing with
 * {@link #and} keeps the names; anything else ({@code or}, plain Byte Buddy matchers) simply gets no such short cut.
 */
public final class MethodNames extends ElementMatcher.Junction.AbstractBase<MethodDescription> {

  private final Set<String> names;
  private final ElementMatcher<?> matcher; // of MethodDescription or of the narrower type {@link #and} was given

  private MethodNames(Set<String> names, ElementMatcher<?> matcher) {
    this.names = names;
    this.matcher = matcher;
  }

  /** Methods with one of these names. */
  public static MethodNames methodsNamed(String... names) {
    return new MethodNames(
        Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names))), ElementMatchers.namedOneOf(names));
  }

  /** The names a matching method has one of. */
  public Set<String> names() {
    return names;
  }

  @Override
  @SuppressWarnings("unchecked") // as Byte Buddy's own conjunction: it is only ever given the Us it was built for
  public <U extends MethodDescription> ElementMatcher.Junction<U> and(ElementMatcher<? super U> other) {
    ElementMatcher<? super U> self = (ElementMatcher<? super U>) matcher;
    MethodNames narrowed = new MethodNames(names, new Conjunction<U>(self, other));
    return (ElementMatcher.Junction<U>) (ElementMatcher.Junction<?>) narrowed;
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean matches(MethodDescription target) {
    return ((ElementMatcher<MethodDescription>) matcher).matches(target);
  }

  @Override
  public String toString() {
    return matcher.toString();
  }
}
