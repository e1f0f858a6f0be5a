package dev.vireo.instrumentation.spi;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Type matchers for "classes that inherit a named type", the matchers that cost the most start-up: without them
 * only the class name is read, with Byte Buddy's walk every class a matching loader loads is parsed in full, and so
 * are its super types. These answer from the class file headers (see {@link TypeHierarchyLookup}) and fall back to
 * Byte Buddy's walk when the agent cannot tell.
 */
public final class SuperTypeMatchers {

  private SuperTypeMatchers() {}

  /** Classes (not interfaces) that are, extend or implement one of the named types. */
  public static ElementMatcher.Junction<TypeDescription> classesInheriting(String... typeNames) {
    return new InheritanceMatcher(
        typeNames, false, not(isInterface()).and(hasSuperType(namedOneOf(typeNames))));
  }

  /** Classes (not interfaces) that are or extend one of the named classes. */
  public static ElementMatcher.Junction<TypeDescription> classesExtending(String... classNames) {
    return new InheritanceMatcher(
        classNames, true, not(isInterface()).and(hasSuperClass(namedOneOf(classNames))));
  }

  private static final class InheritanceMatcher extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
    private final Set<String> superTypes;
    private final boolean superClassesOnly;
    private final ElementMatcher<TypeDescription> byteBuddyWalk;

    InheritanceMatcher(String[] names, boolean superClassesOnly, ElementMatcher<TypeDescription> byteBuddyWalk) {
      this.superTypes = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(names)));
      this.superClassesOnly = superClassesOnly;
      this.byteBuddyWalk = byteBuddyWalk;
    }

    @Override
    public boolean matches(TypeDescription type) {
      TypeHierarchyLookup lookup = TypeHierarchyLookup.Installed.get();
      if (lookup != null) {
        Boolean known = lookup.isClassInheriting(type.getName(), superTypes, superClassesOnly);
        if (known != null) {
          return known;
        }
      }
      return byteBuddyWalk.matches(type);
    }

    @Override
    public String toString() {
      return (superClassesOnly ? "classesExtending" : "classesInheriting") + superTypes;
    }
  }
}
