package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.install.TypeDescriptionCache.RecentTypes;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class TypeDescriptionCacheTest {

  @Test
  void keepsTheMostRecentlyUsedTypesUpToItsCapacity() {
    RecentTypes cache = new RecentTypes(2);
    TypePool.Resolution object = resolved(Object.class);
    cache.register("java.lang.Object", object);
    cache.register("java.lang.String", resolved(String.class));
    assertThat(cache.find("java.lang.Object")).isSameAs(object); // Object is now the most recent
    cache.register("java.lang.Integer", resolved(Integer.class));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.find("java.lang.Object")).isSameAs(object);
    assertThat(cache.find("java.lang.String")).isNull();
    assertThat(cache.find("java.lang.Integer")).isNotNull();
  }

  @Test
  void theFirstRegistrationOfANameWins() {
    RecentTypes cache = new RecentTypes(4);
    TypePool.Resolution first = resolved(Object.class);
    cache.register("java.lang.Object", first);

    assertThat(cache.register("java.lang.Object", resolved(Object.class))).isSameAs(first);
  }

  @Test
  void neverKeepsATypeThatDidNotResolve() {
    RecentTypes cache = new RecentTypes(4);
    TypePool.Resolution missing = new TypePool.Resolution.Illegal("com.example.NotYetThere");

    assertThat(cache.register("com.example.NotYetThere", missing)).isSameAs(missing);
    assertThat(cache.find("com.example.NotYetThere")).isNull();
    assertThat(cache.size()).isZero();
  }

  private static TypePool.Resolution resolved(Class<?> type) {
    return new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(type));
  }
}
