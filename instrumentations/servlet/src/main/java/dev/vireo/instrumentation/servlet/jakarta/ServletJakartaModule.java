package dev.vireo.instrumentation.servlet.jakarta;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
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
 * SERVER spans for {@code jakarta.servlet} containers (Servlet 5.0+: Jetty 12 ee10, Tomcat 10/11, ...).
 * The span starts at the outermost {@code Filter.doFilter} / {@code Servlet.service} of a request
 * and ends when the request completes (after the async cycle for async servlets).
 */
public final class ServletJakartaModule implements InstrumentationModule {

  @Override
  public String name() {
    return "servlet-jakarta";
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("servlet");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // HttpServletMapping: the route source; every jakarta.servlet version has it.
    return ClassLoaderMatchers.hasClassesNamed("jakarta.servlet.Servlet", "jakarta.servlet.http.HttpServletMapping");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(new EntryPoints(), new AsyncContextStart());
  }

  /** {@code Servlet.service(ServletRequest, ServletResponse)} and {@code Filter.doFilter(req, res, chain)}. */
  static final class EntryPoints implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return not(isInterface()).and(hasSuperType(namedOneOf("jakarta.servlet.Servlet", "jakarta.servlet.Filter")));
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          isPublic()
              .and(not(isAbstract()))
              .and(named("service").and(takesArguments(2)).or(named("doFilter").and(takesArguments(3))))
              .and(takesArgument(0, named("jakarta.servlet.ServletRequest")))
              .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
          "dev.vireo.instrumentation.servlet.jakarta.ServletEntryAdvice");
    }
  }

  /** {@code AsyncContext.start(Runnable)}: the runnable runs in the request's context. */
  static final class AsyncContextStart implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return not(isInterface()).and(hasSuperType(named("jakarta.servlet.AsyncContext")));
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          named("start").and(takesArguments(1)).and(takesArgument(0, named("java.lang.Runnable"))),
          "dev.vireo.instrumentation.servlet.jakarta.AsyncStartAdvice");
    }
  }
}
