package dev.vireo.instrumentation.springwebflux;

import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring WebFlux's route on the SERVER span of the server under it (Reactor Netty, or a servlet
 * container). When the dispatcher hands the exchange to a {@code HandlerAdapter}, the handler
 * mapping has stored the matched pattern on the exchange ({@code BEST_MATCHING_PATTERN_ATTRIBUTE}:
 * annotated controllers, router functions, Actuator endpoints). No handler (a 404) never gets there,
 * so the span keeps no route. WebClient: one CLIENT span per request attempt ({@link TracingExchangeFilter}).
 */
public final class SpringWebFluxModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "spring-webflux";

  private static final String PACKAGE = "dev.vireo.instrumentation.springwebflux.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.springframework.web.reactive.HandlerAdapter");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // Spring's own adapters only: the name test keeps the super type walk off every other class
    return Arrays.<TypeInstrumentation>asList(
        forTypes(
                nameStartsWith("org.springframework.web.reactive.")
                    .and(classesInheriting("org.springframework.web.reactive.HandlerAdapter")))
            .advise(named("handle").and(takesArguments(2)), PACKAGE + "HandlerAdapterAdvice"),
        // exceptions turned into responses: Spring's status handlers, Boot's error handler
        forTypes(
                nameStartsWith("org.springframework.")
                    .and(classesInheriting("org.springframework.web.server.WebExceptionHandler")))
            .advise(named("handle").and(takesArguments(2)), PACKAGE + "ExceptionHandledAdvice"),
        // WebClient: CLIENT spans through a filter every built client gets
        forTypes(named("org.springframework.web.reactive.function.client.DefaultWebClientBuilder"))
            .advise(named("build").and(takesArguments(0)), PACKAGE + "WebClientBuildAdvice"));
  }
}
