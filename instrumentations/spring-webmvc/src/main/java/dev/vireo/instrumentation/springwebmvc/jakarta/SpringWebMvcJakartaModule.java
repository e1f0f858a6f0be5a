package dev.vireo.instrumentation.springwebmvc.jakarta;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring Web MVC 6 and 7 ({@code jakarta.servlet}): names the servlet SERVER span after the pattern
 * of the handler Spring chose ({@code GET /orders/{orderId}}), and records on it the exceptions that
 * Spring's exception resolvers turned into a response; optionally an INTERNAL span per controller
 * method ({@code otel.instrumentation.common.experimental.controller-telemetry.enabled}).
 */
public final class SpringWebMvcJakartaModule implements InstrumentationModule {

  @Override
  public String name() {
    return "spring-webmvc-jakarta";
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("spring-webmvc");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(
        "org.springframework.web.servlet.DispatcherServlet", "jakarta.servlet.http.HttpServletRequest");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(new Dispatcher(), new HandlerMethodAdapter());
  }

  /** {@code DispatcherServlet.getHandler} (routing) and {@code processHandlerException} (resolvers). */
  static final class Dispatcher implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("org.springframework.web.servlet.DispatcherServlet");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          named("getHandler")
              .and(takesArguments(1))
              .and(takesArgument(0, named("jakarta.servlet.http.HttpServletRequest"))),
          "dev.vireo.instrumentation.springwebmvc.jakarta.HandlerLookupAdvice");
      target.applyAdvice(
          named("processHandlerException")
              .and(takesArguments(4))
              .and(takesArgument(0, named("jakarta.servlet.http.HttpServletRequest")))
              .and(takesArgument(3, named("java.lang.Exception"))),
          "dev.vireo.instrumentation.springwebmvc.jakarta.HandledExceptionAdvice");
    }
  }

  /** {@code AbstractHandlerMethodAdapter.handle}: an annotated controller method is called. */
  static final class HandlerMethodAdapter implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          named("handle")
              .and(takesArguments(3))
              .and(takesArgument(0, named("jakarta.servlet.http.HttpServletRequest"))),
          "dev.vireo.instrumentation.springwebmvc.jakarta.ControllerAdvice");
    }
  }
}
