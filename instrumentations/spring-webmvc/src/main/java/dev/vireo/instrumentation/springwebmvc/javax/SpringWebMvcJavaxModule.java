package dev.vireo.instrumentation.springwebmvc.javax;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring Web MVC 5.3 ({@code javax.servlet}): names the servlet SERVER span after the pattern
 * of the handler Spring chose ({@code GET /orders/{orderId}}), and records on it the exceptions that
 * Spring's exception resolvers turned into a response; optionally an INTERNAL span per controller
 * method ({@code otel.instrumentation.common.experimental.controller-telemetry.enabled}). The jakarta
 * module is generated from the javax one at build time (spring-webmvc/pom.xml).
 */
public final class SpringWebMvcJavaxModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "spring-webmvc-javax";

  private static final String PACKAGE = "dev.vireo.instrumentation.springwebmvc.javax.";
  private static final String REQUEST = "javax.servlet.http.HttpServletRequest";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("spring-webmvc");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.springframework.web.servlet.DispatcherServlet", REQUEST);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        // DispatcherServlet.getHandler (routing) and processHandlerException (resolvers)
        forTypes(named("org.springframework.web.servlet.DispatcherServlet"))
            .advise(
                named("getHandler").and(takesArguments(1)).and(takesArgument(0, named(REQUEST))),
                PACKAGE + "HandlerLookupAdvice")
            .advise(
                named("processHandlerException")
                    .and(takesArguments(4))
                    .and(takesArgument(0, named(REQUEST)))
                    .and(takesArgument(3, named("java.lang.Exception"))),
                PACKAGE + "HandledExceptionAdvice"),
        // AbstractHandlerMethodAdapter.handle: an annotated controller method is called
        forTypes(named("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter"))
            .advise(
                named("handle").and(takesArguments(3)).and(takesArgument(0, named(REQUEST))),
                PACKAGE + "ControllerAdvice"));
  }
}
