package dev.vireo.instrumentation.spi;

import net.bytebuddy.matcher.ElementMatcher;

/** Cheap class loader checks for {@link InstrumentationModule#classLoaderMatcher()}. */
public final class ClassLoaderMatchers {

  private ClassLoaderMatchers() {}

  /**
   * True when the loader (or a parent) can find all the named classes, checked by resource lookup so
   * nothing is loaded or initialised. The bootstrap loader (null) is checked through the system
   * class loader's resources.
   */
  public static ElementMatcher.Junction<ClassLoader> hasClassesNamed(String... classNames) {
    final String[] resources = new String[classNames.length];
    for (int i = 0; i < classNames.length; i++) {
      resources[i] = classNames[i].replace('.', '/') + ".class";
    }
    return new ElementMatcher.Junction.AbstractBase<ClassLoader>() {
      @Override
      public boolean matches(ClassLoader loader) {
        for (String resource : resources) {
          boolean found =
              loader == null
                  ? ClassLoader.getSystemResource(resource) != null
                  : loader.getResource(resource) != null;
          if (!found) {
            return false;
          }
        }
        return true;
      }

      @Override
      public String toString() {
        return "hasClassesNamed" + java.util.Arrays.toString(classNames);
      }
    };
  }
}
