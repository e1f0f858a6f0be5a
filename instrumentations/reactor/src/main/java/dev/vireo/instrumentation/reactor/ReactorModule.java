package dev.vireo.instrumentation.reactor;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesExtending;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Carries the context through Reactor: installs an operator hook ({@link ContextLifter}) as soon as
 * Reactor's {@code Hooks} class initializes, which is before the first Mono or Flux is assembled, and
 * gives the subscribers of sinks and of libraries' own {@code Mono} and {@code Flux} subclasses, which the hooks never
 * see, the same wrapping ({@link SubscribeInContextAdvice}); then also registers {@link
 * ReactorAsyncEndStrategy}, so that a traced method ({@code @WithSpan}) returning a Mono or Flux ends its
 * span when that publisher terminates. Creates no spans of its own.
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
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("reactor.core.publisher.Hooks"))
            .advise(isTypeInitializer(), "dev.vireo.instrumentation.reactor.HooksInitializedAdvice"),
        // sinks are sources the hooks never see; their implementations are internal and differ by
        // version (SinkOneMulticast, SinkManyBestEffort, EmitterProcessor, ...): matched by what they are
        forTypes(nameStartsWith("reactor.core.publisher.")
                .and(classesInheriting(
                    "reactor.core.publisher.Sinks$Many",
                    "reactor.core.publisher.Sinks$One",
                    "reactor.core.publisher.Sinks$Empty")))
            .advise(
                methodsNamed("subscribe").and(not(isAbstract()))
                    .and(takesArguments(1)).and(takesArgument(0, named("reactor.core.CoreSubscriber"))),
                "dev.vireo.instrumentation.reactor.SubscribeInContextAdvice"),
        // a library's own Mono or Flux (Reactor Netty's connection and inbound publishers, Spring's
        // ChannelSendOperator) emits on the library's threads; Reactor's own operators are assembled through the hooks
        forTypes(not(nameStartsWith("reactor.core.publisher."))
                .and(classesExtending("reactor.core.publisher.Mono", "reactor.core.publisher.Flux")))
            .advise(
                methodsNamed("subscribe").and(not(isAbstract()))
                    .and(takesArguments(1)).and(takesArgument(0, named("reactor.core.CoreSubscriber"))),
                "dev.vireo.instrumentation.reactor.SubscribeInContextAdvice"));
  }
}
