package dev.vireo.instrumentation.spi;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Classes that declare a method with one of some names, then what {@code types} says of them. */
final class DeclaringNamedMethods extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

  private final long nameBits;
  private final ElementMatcher<TypeDescription> types;

  DeclaringNamedMethods(long nameBits, ElementMatcher<TypeDescription> types) {
    this.nameBits = nameBits;
    this.types = types;
  }

  @Override
  public boolean matches(TypeDescription type) {
    TypeHierarchyLookup lookup = TypeHierarchyLookup.Installed.get();
    if (lookup != null && (lookup.declaredMethodNames(type.getName()) & nameBits) == 0) {
      return false;
    }
    return types.matches(type);
  }

  @Override
  public String toString() {
    return "declaringNamedMethods(" + types + ")";
  }
}
