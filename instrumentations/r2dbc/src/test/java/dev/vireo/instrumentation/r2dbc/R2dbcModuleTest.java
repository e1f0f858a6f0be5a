package dev.vireo.instrumentation.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;

/** The module applies only where r2dbc-spi 1.0 or newer is. */
class R2dbcModuleTest {

  private final R2dbcModule module = new R2dbcModule();

  @Test
  void appliesWithSpi1() {
    assertThat(module.classLoaderMatcher().matches(getClass().getClassLoader())).isTrue();
  }

  @Test
  void skipsAnSpiBefore1() {
    // r2dbc-spi 0.8/0.9 has ConnectionFactories but not Readable (new in 1.0)
    ClassLoader spiBefore1 = hiding("io/r2dbc/spi/Readable.class");
    assertThat(spiBefore1.getResource("io/r2dbc/spi/ConnectionFactories.class")).isNotNull();
    assertThat(module.classLoaderMatcher().matches(spiBefore1)).isFalse();
  }

  @Test
  void skipsALoaderWithoutR2dbc() {
    ClassLoader withoutR2dbc = hiding("io/r2dbc/");
    assertThat(module.classLoaderMatcher().matches(withoutR2dbc)).isFalse();
  }

  /** The test class path without the resources starting with {@code prefix}. */
  private ClassLoader hiding(String prefix) {
    ClassLoader testLoader = getClass().getClassLoader();
    return new ClassLoader(null) {
      @Override
      public URL getResource(String name) {
        return name.startsWith(prefix) ? null : testLoader.getResource(name);
      }
    };
  }
}
