package dev.vireo.tooling.install;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class IdleCacheReleaseTest {

  private final ClassLoader loader = getClass().getClassLoader();
  private final TypeDescriptionCache descriptions = new TypeDescriptionCache();
  private final ClassHeaderHierarchy headers = new ClassHeaderHierarchy();
  private final IdleCacheRelease release = new IdleCacheRelease(descriptions, headers);

  @Test
  void releasesBothCachesAfterACheckPeriodWithoutTransformations() throws IOException {
    fill();
    release.used();

    assertThat(release.check()).isFalse(); // a class was matched since the last check
    assertThat(descriptions.size(loader)).isEqualTo(1);
    assertThat(descriptions.size(null)).isEqualTo(1);
    assertThat(headers.size(loader)).isEqualTo(1);
    assertThat(headers.size(null)).isEqualTo(1);

    assertThat(release.check()).isTrue(); // a whole period without one
    assertThat(descriptions.size(loader)).isZero();
    assertThat(descriptions.size(null)).isZero();
    assertThat(headers.size(loader)).isZero();
    assertThat(headers.size(null)).isZero();
  }

  @Test
  void releasesTheAdviceResolvedPerLoaderWithTheCaches() {
    ResolvedAdvice advice =
        new ResolvedAdvice(Advice.withCustomMapping(), Advice.ExceptionHandler.Default.SUPPRESSING, loader);
    advice.add(named("call"), ResolvedAdviceTest.EnterAdvice.class.getName());
    release.alsoRelease(advice::clear);
    AsmVisitorWrapper resolved = advice.forLoader(loader);
    release.used();
    release.check();
    assertThat(advice.forLoader(loader)).isSameAs(resolved);

    assertThat(release.check()).isTrue();
    assertThat(advice.forLoader(loader)).isNotSameAs(resolved);
  }

  @Test
  void releasesOncePerQuietSpellAndAgainAfterTheNextTransformations() throws IOException {
    release.used();
    release.check();
    assertThat(release.check()).isTrue();
    assertThat(release.check()).isFalse(); // still quiet, nothing was cached since

    fill();
    release.used();
    assertThat(release.check()).isFalse();
    release.used(); // still loading classes
    assertThat(release.check()).isFalse();
    assertThat(descriptions.size(loader)).isEqualTo(1);

    assertThat(release.check()).isTrue();
    assertThat(descriptions.size(loader)).isZero();
    assertThat(headers.size(loader)).isZero();
  }

  @Test
  void aReleasedCacheFillsAgainForTheNextClass() throws IOException {
    fill();
    release.check();
    release.check();
    assertThat(descriptions.size(loader)).isZero();

    fill();
    assertThat(descriptions.size(loader)).isEqualTo(1);
    assertThat(headers.size(loader)).isEqualTo(1);
  }

  private void fill() throws IOException {
    for (ClassLoader each : new ClassLoader[] {loader, null}) {
      descriptions.locate(each)
          .register("java.lang.Object", new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(Object.class)));
      headers.headersOf(each).add(getClass().getName(), ClassHeader.parse(ownClassFile()));
    }
  }

  private byte[] ownClassFile() throws IOException {
    try (InputStream in = loader.getResourceAsStream(getClass().getName().replace('.', '/') + ".class")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
