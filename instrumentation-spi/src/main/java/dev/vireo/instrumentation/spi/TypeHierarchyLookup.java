package dev.vireo.instrumentation.spi;

import java.util.Set;

/**
 * Answers "does this class inherit one of these types?" for the class being transformed, from class file headers
 * (super class and interface names) instead of full type descriptions. The agent installs one at start-up; without
 * one, or when it cannot tell, {@link SuperTypeMatchers} fall back to Byte Buddy's own super type walk.
 */
public interface TypeHierarchyLookup {

  /**
   * True or false when known; null when this lookup cannot tell (for example, the type is not the class being
   * transformed on this thread).
   *
   * @param typeName binary name of the type to test ({@code a.b.C$D})
   * @param superTypes binary names; the type itself counts, as in Byte Buddy's {@code hasSuperType}
   * @param superClassesOnly walk super classes only, not interfaces
   */
  Boolean isClassInheriting(String typeName, Set<String> superTypes, boolean superClassesOnly);

  /**
   * The bits of the {@link MethodNameIndex} names that the class declares methods with, read from its class file;
   * all bits set ({@code -1}) when this lookup cannot tell.
   *
   * @param typeName binary name of the class being transformed
   */
  default long declaredMethodNames(String typeName) {
    return -1L;
  }

  /** Where the agent puts its lookup; read once per match. */
  final class Installed {
    private static volatile TypeHierarchyLookup lookup;

    private Installed() {}

    public static void install(TypeHierarchyLookup installed) {
      lookup = installed;
    }

    static TypeHierarchyLookup get() {
      return lookup;
    }
  }
}
