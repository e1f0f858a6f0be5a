package dev.vireo.instrumentation.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ClassLoaderMatchersTest {

  private final ClassLoader testLoader = ClassLoaderMatchersTest.class.getClassLoader();

  @Test
  void matchesWhenEveryNamedClassIsThere() {
    assertThat(
            ClassLoaderMatchers.hasClassesNamed("org.junit.jupiter.api.Test", "java.lang.String")
                .matches(testLoader))
        .isTrue();
  }

  @Test
  void failsWhenOneNamedClassIsMissing() {
    assertThat(
            ClassLoaderMatchers.hasClassesNamed("org.junit.jupiter.api.Test", "com.example.Missing")
                .matches(testLoader))
        .isFalse();
  }

  @Test
  void looksOnlyAtTheLoaderAndItsParents() throws Exception {
    try (URLClassLoader isolated = new URLClassLoader(new URL[0], null)) {
      assertThat(ClassLoaderMatchers.hasClassesNamed("org.junit.jupiter.api.Test").matches(isolated)).isFalse();
      assertThat(ClassLoaderMatchers.hasClassesNamed("java.lang.String").matches(isolated)).isTrue();
    }
  }

  @Test
  void bootstrapLoaderIsCheckedThroughSystemResources() {
    assertThat(ClassLoaderMatchers.hasClassesNamed("java.lang.String").matches(null)).isTrue();
  }
}
