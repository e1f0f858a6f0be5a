package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedLoaderMatcherTest {

  private final List<ClassLoader> asked = new ArrayList<>();
  private final ClassLoader first = new ClassLoader(null) {};
  private final ClassLoader second = new ClassLoader(null) {};
  private final CachedLoaderMatcher matcher =
      new CachedLoaderMatcher(
          loader -> {
            asked.add(loader);
            return loader == first;
          });

  @Test
  void asksOncePerLoaderWhateverTheOrder() {
    for (int i = 0; i < 3; i++) {
      assertThat(matcher.matches(first)).isTrue();
      assertThat(matcher.matches(second)).isFalse();
      assertThat(matcher.matches(null)).isFalse();
    }
    assertThat(asked).containsExactly(first, second, null);
  }

  @Test
  void aFailingCheckMeansNoMatchAndIsNotRepeated() {
    CachedLoaderMatcher failing =
        new CachedLoaderMatcher(
            loader -> {
              asked.add(loader);
              throw new IllegalStateException("broken loader");
            });
    assertThat(failing.matches(first)).isFalse();
    assertThat(failing.matches(first)).isFalse();
    assertThat(asked).containsExactly(first);
  }
}
