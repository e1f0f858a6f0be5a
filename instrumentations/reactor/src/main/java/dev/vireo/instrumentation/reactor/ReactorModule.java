package dev.vireo.instrumentation.reactor;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Carries the context through Reactor: installs an operator hook ({@link ContextLifter}) as soon as
 * Reactor's {@code Hooks} class initializes, which is before the first Mono or Flux is assembled; then
 * also registers {@link ReactorAsyncEndStrategy}, so that a traced method ({@code @WithSpan}) returning a
 * Mono or Flux ends its span when that publisher terminates. Creates no spans of its own.
 */
public final class ReactorModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "reactor";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("reactor.core.publisher.Hooks", "reactor.core.CoreSubscriber");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("reactor.core.publisher.Hooks"))
            .advise(isTypeInitializer(), "dev.vireo.instrumentation.reactor.HooksInitializedAdvice"));
  }
}
