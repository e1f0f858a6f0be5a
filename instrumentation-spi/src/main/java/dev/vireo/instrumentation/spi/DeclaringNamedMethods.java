package dev.vireo.instrumentation.spi;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Classes that declare a method with one of some names and that {@code types} matches. A name matcher is asked
 * first, since comparing a name costs less than reading the class's method names; any other matcher (a super type
 * walk) is asked last.
 */
final class DeclaringNamedMethods extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

  private final long nameBits;
  private final ElementMatcher<TypeDescription> types;
  private final boolean typesByName;

  DeclaringNamedMethods(long nameBits, ElementMatcher<TypeDescription> types, boolean typesByName) {
    this.nameBits = nameBits;
    this.types = types;
    this.typesByName = typesByName;
  }

  @Override
  public boolean matches(TypeDescription type) {
    if (typesByName && !types.matches(type)) {
      return false;
    }
    TypeHierarchyLookup lookup = TypeHierarchyLookup.Installed.get();
    if (lookup != null && (lookup.declaredMethodNames(type.getName()) & nameBits) == 0) {
      return false;
    }
    return typesByName || types.matches(type);
  }

  @Override
  public String toString() {
    return "declaringNamedMethods(" + types + ")";
  }
}
