package dev.vireo.instrumentation.rxjava3;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Methods traced with {@code @WithSpan} or method includes that return an RxJava 3 {@code Completable},
 * {@code Maybe}, {@code Single}, {@code Observable} or {@code Flowable} end their span when that result
 * terminates or is disposed: the module registers an {@link RxJavaAsyncEndStrategy} when the first
 * RxJava object is made. Creates no spans of its own.
 */
public final class RxJava3Module implements InstrumentationModule {

  /** The module's name ({@code otel.instrumentation.rxjava-3.enabled}). */
  public static final String NAME = "rxjava-3";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("rxjava");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.reactivex.rxjava3.core.Flowable");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // the base classes' constructors: every RxJava object is made through one of them before any
    // method can return it (RxJavaPlugins, which all assembly goes through, has no static initializer)
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(
                namedOneOf(
                    "io.reactivex.rxjava3.core.Completable",
                    "io.reactivex.rxjava3.core.Maybe",
                    "io.reactivex.rxjava3.core.Single",
                    "io.reactivex.rxjava3.core.Observable",
                    "io.reactivex.rxjava3.core.Flowable"))
            .advise(isConstructor(), "dev.vireo.instrumentation.rxjava3.FirstObjectAdvice"));
  }
}
