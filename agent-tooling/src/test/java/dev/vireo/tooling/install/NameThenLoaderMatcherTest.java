package dev.vireo.tooling.install;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

class NameThenLoaderMatcherTest {

  private static final TypeDescription CONNECTION = TypeDescription.ForLoadedType.of(java.net.HttpURLConnection.class);
  private static final TypeDescription STRING = TypeDescription.ForLoadedType.of(String.class);

  private final ClassLoader loader = getClass().getClassLoader();
  private final List<ClassLoader> asked = new ArrayList<>();

  private ElementMatcher<ClassLoader> libraryPresent(boolean present) {
    return candidate -> {
      asked.add(candidate);
      return present;
    };
  }

  @Test
  void theLoaderIsNotAskedAboutClassesOfOtherNames() {
    NameThenLoaderMatcher matcher =
        new NameThenLoaderMatcher(named("java.net.HttpURLConnection"), libraryPresent(true));

    assertThat(matcher.matches(STRING, loader, null, null, null)).isFalse();
    assertThat(asked).isEmpty();
  }

  @Test
  void aClassOfTheNameMatchesWhereTheLoaderCheckSaysSo() {
    NameThenLoaderMatcher present = new NameThenLoaderMatcher(named("java.net.HttpURLConnection"), libraryPresent(true));
    NameThenLoaderMatcher absent = new NameThenLoaderMatcher(named("java.net.HttpURLConnection"), libraryPresent(false));

    assertThat(present.matches(CONNECTION, loader, null, null, null)).isTrue();
    assertThat(absent.matches(CONNECTION, null, null, null, null)).isFalse();
    assertThat(asked).containsExactly(loader, null);
  }
}
