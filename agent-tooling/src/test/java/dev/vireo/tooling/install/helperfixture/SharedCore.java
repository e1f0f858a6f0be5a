package dev.vireo.tooling.install.helperfixture;

import libfixture.LibraryType;

/** Code a module shares with its sibling modules through a helper package; uses the library. */
public final class SharedCore {

  private SharedCore() {}

  public static String describe(LibraryType value) {
    return String.valueOf(value);
  }
}
