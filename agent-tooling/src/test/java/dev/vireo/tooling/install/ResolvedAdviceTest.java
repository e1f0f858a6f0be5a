package dev.vireo.tooling.install;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

class ResolvedAdviceTest {

  static final AtomicInteger ENTERED = new AtomicInteger();

  public static class EnterAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter() {
      ENTERED.incrementAndGet();
    }
  }

  public static class Target implements Callable<String> {
    @Override
    public String call() {
      return "called";
    }
  }

  private final ResolvedAdvice advice = newAdvice();

  private static ResolvedAdvice newAdvice() {
    ResolvedAdvice advice =
        new ResolvedAdvice(
            Advice.withCustomMapping(),
            Advice.ExceptionHandler.Default.SUPPRESSING,
            ResolvedAdviceTest.class.getClassLoader());
    advice.add(named("call"), EnterAdvice.class.getName());
    return advice;
  }

  @Test
  void resolvesOncePerLoaderUntilCleared() {
    ClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    AsmVisitorWrapper first = advice.forLoader(loader);

    assertThat(advice.forLoader(loader)).isSameAs(first);
    assertThat(advice.forLoader(getClass().getClassLoader())).isNotSameAs(first);
    assertThat(advice.forLoader(null)).isSameAs(advice.forLoader(null)).isNotSameAs(first);

    advice.clear();
    assertThat(advice.forLoader(loader)).isNotSameAs(first);
  }

  @Test
  void theSameResolvedAdviceChangesEveryClassItIsGiven() throws Exception {
    AsmVisitorWrapper resolved = advice.forLoader(getClass().getClassLoader());
    int before = ENTERED.get();

    for (int i = 0; i < 2; i++) {
      Class<?> changed =
          new ByteBuddy()
              .redefine(Target.class)
              .visit(advice.forLoader(getClass().getClassLoader()))
              .make()
              .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
              .getLoaded();
      assertThat(((Callable<?>) changed.getDeclaredConstructor().newInstance()).call()).isEqualTo("called");
    }

    assertThat(advice.forLoader(getClass().getClassLoader())).isSameAs(resolved);
    assertThat(ENTERED.get() - before).isEqualTo(2);
  }

  @Test
  void doesNotKeepALoaderAlive() {
    WeakReference<ClassLoader> loader = resolveForAThrowawayLoader();
    for (int i = 0; i < 20 && loader.get() != null; i++) {
      System.gc();
    }
    assertThat(loader.get()).isNull();
  }

  private WeakReference<ClassLoader> resolveForAThrowawayLoader() {
    ClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    assertThat(advice.forLoader(loader)).isNotNull();
    return new WeakReference<>(loader);
  }
}
