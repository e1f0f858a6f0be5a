package dev.vireo.instrumentation.servlet.javax;

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
 * SERVER spans for {@code javax.servlet} containers (Servlet 3.0 to 4.0: Jetty 9.4, Tomcat 9, ...).
 * The span starts at the outermost {@code Filter.doFilter} / {@code Servlet.service} of a request
 * and ends when the request completes (after the async cycle for async servlets).
 */
public final class ServletJavaxModule implements InstrumentationModule {

  @Override
  public String name() {
    return "servlet-javax";
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("servlet");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // AsyncContext: Servlet 3.0+, the oldest API this module is written against.
    return ClassLoaderMatchers.hasClassesNamed("javax.servlet.Servlet", "javax.servlet.AsyncContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(new EntryPoints(), new AsyncContextStart());
  }

  /** {@code Servlet.service(ServletRequest, ServletResponse)} and {@code Filter.doFilter(req, res, chain)}. */
  static final class EntryPoints implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return not(isInterface()).and(hasSuperType(namedOneOf("javax.servlet.Servlet", "javax.servlet.Filter")));
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          isPublic()
              .and(not(isAbstract()))
              .and(named("service").and(takesArguments(2)).or(named("doFilter").and(takesArguments(3))))
              .and(takesArgument(0, named("javax.servlet.ServletRequest")))
              .and(takesArgument(1, named("javax.servlet.ServletResponse"))),
          "dev.vireo.instrumentation.servlet.javax.ServletEntryAdvice");
    }
  }

  /** {@code AsyncContext.start(Runnable)}: the runnable runs in the request's context. */
  static final class AsyncContextStart implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return not(isInterface()).and(hasSuperType(named("javax.servlet.AsyncContext")));
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          named("start").and(takesArguments(1)).and(takesArgument(0, named("java.lang.Runnable"))),
          "dev.vireo.instrumentation.servlet.javax.AsyncStartAdvice");
    }
  }
}
