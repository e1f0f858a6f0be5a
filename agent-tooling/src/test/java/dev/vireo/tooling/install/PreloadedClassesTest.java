package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class PreloadedClassesTest {

  private static final Class<?>[] LOADED = {
    Object.class, Executor.class, ExecutorService.class, AbstractExecutorService.class, ThreadPoolExecutor.class,
    ArrayList.class, AbstractList.class, List.class, HashMap.class, String[].class, int.class
  };

  private final PreloadedClasses preloaded = new PreloadedClasses();

  @Test
  void answersFromTheLoadedClasses() {
    preloaded.use(LOADED);

    assertThat(inheriting(ThreadPoolExecutor.class, Executor.class)).isTrue();
    assertThat(inheriting(ThreadPoolExecutor.class, ThreadPoolExecutor.class)).isTrue(); // the type itself counts
    assertThat(inheriting(ArrayList.class, Executor.class)).isFalse();
    assertThat(inheriting(HashMap.class, List.class, Executor.class)).isFalse();
    assertThat(inheriting(ArrayList.class, Executor.class, List.class)).isTrue();
    // interfaces never match: the matchers are for classes
    assertThat(inheriting(ExecutorService.class, Executor.class)).isFalse();
  }

  @Test
  void superClassesOnlyWalksSuperClasses() {
    preloaded.use(LOADED);

    assertThat(preloaded.isClassInheriting(ThreadPoolExecutor.class.getName(),
        names(AbstractExecutorService.class), true)).isTrue();
    assertThat(preloaded.isClassInheriting(ThreadPoolExecutor.class.getName(), names(Executor.class), true))
        .isFalse();
  }

  @Test
  void aSuperTypeThatIsNotLoadedIsNotInherited() {
    preloaded.use(LOADED);

    assertThat(preloaded.isClassInheriting(ThreadPoolExecutor.class.getName(), set("java.sql.Connection"), false))
        .isFalse();
  }

  @Test
  void cannotTellForOtherClassesNorAfterInstall() {
    preloaded.use(LOADED);
    assertThat(preloaded.isClassInheriting("com.example.NotLoaded", names(Executor.class), false)).isNull();

    preloaded.forget();
    assertThat(inheriting(ThreadPoolExecutor.class, Executor.class)).isNull();
  }

  @Test
  void aNameTwoLoadersDefineIsLeftToByteBuddy() throws Exception {
    Class<?> other = new IsolatingLoader().loadClass(Sample.class.getName());
    assertThat(other).isNotSameAs(Sample.class);
    preloaded.use(Object.class, Runnable.class, Sample.class, other);

    assertThat(inheriting(Sample.class, Runnable.class)).isNull();
  }

  @Test
  void aSuperTypeNameTwoLoadersDefineIsCheckedInEach() throws Exception {
    IsolatingLoader loader = new IsolatingLoader();
    Class<?> otherSample = loader.loadClass(Sample.class.getName());
    Class<?> otherSuper = loader.loadClass(SampleSuper.class.getName());
    assertThat(otherSample.getSuperclass()).isSameAs(otherSuper);
    preloaded.use(Object.class, Runnable.class, otherSample, SampleSuper.class, otherSuper);

    // the other loader's Sample extends its own SampleSuper, one of the two classes of that name
    assertThat(preloaded.isClassInheriting(Sample.class.getName(), names(SampleSuper.class), false)).isTrue();
    assertThat(preloaded.isClassInheriting(Sample.class.getName(), names(SampleSuper.class), true)).isTrue();
  }

  private Boolean inheriting(Class<?> type, Class<?>... superTypes) {
    return preloaded.isClassInheriting(type.getName(), names(superTypes), false);
  }

  private static Set<String> names(Class<?>... types) {
    Set<String> names = new HashSet<>();
    for (Class<?> type : types) {
      names.add(type.getName());
    }
    return names;
  }

  private static Set<String> set(String... names) {
    return new HashSet<>(java.util.Arrays.asList(names));
  }

  public static class SampleSuper {}

  public static class Sample extends SampleSuper implements Runnable {
    @Override
    public void run() {}
  }

  /** Defines the sample classes again, so that two loaded classes share each name. */
  private static final class IsolatingLoader extends ClassLoader {
    IsolatingLoader() {
      super(PreloadedClassesTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PreloadedClassesTest.class.getName() + "$Sample")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
