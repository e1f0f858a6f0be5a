package dev.vireo.instrumentation.servlet.common;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
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
 * SERVER spans for one servlet namespace: the span starts at the outermost {@code Filter.doFilter} /
 * {@code Servlet.service} of a request and ends when the request completes (after the async cycle
 * for async servlets); {@code sendError}/{@code sendRedirect} get an INTERNAL span each ({@link ResponseSendSpans}).
 * The subclass, one per namespace, names the namespace; its package holds the advice ({@code ServletEntryAdvice},
 * {@code AsyncStartAdvice}, {@code ResponseSendAdvice}) and the namespace's {@link ServletApi}.
 */
public abstract class ServletModule implements InstrumentationModule {

  private final String name;
  private final String namespace;
  private final String[] requiredClasses;
  private final String advicePackage;

  /**
   * {@code name}: the module's name (also its scope name); {@code namespace}: {@code "javax"} or
   * {@code "jakarta"}; {@code requiredClass}: a class of the oldest servlet API the namespace's code
   * is written against.
   */
  protected ServletModule(String name, String namespace, String requiredClass) {
    this.name = name;
    this.namespace = namespace;
    this.requiredClasses = new String[] {namespace + ".servlet.Servlet", requiredClass};
    String moduleClass = getClass().getName();
    this.advicePackage = moduleClass.substring(0, moduleClass.lastIndexOf('.') + 1);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> aliases() {
    return Collections.singletonList("servlet");
  }

  @Override
  public final List<String> helperPackages() {
    String core = ServletModule.class.getName();
    return Collections.singletonList(core.substring(0, core.lastIndexOf('.')));
  }

  @Override
  public final ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(requiredClasses);
  }

  @Override
  public final List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        // Servlet.service(ServletRequest, ServletResponse) and Filter.doFilter(req, res, chain)
        forTypes(classesInheriting(namespace + ".servlet.Servlet", namespace + ".servlet.Filter"))
            .advise(
                methodsNamed("service", "doFilter")
                    .and(isPublic())
                    .and(not(isAbstract()))
                    .and(named("service").and(takesArguments(2)).or(named("doFilter").and(takesArguments(3))))
                    .and(takesArgument(0, named(namespace + ".servlet.ServletRequest")))
                    .and(takesArgument(1, named(namespace + ".servlet.ServletResponse"))),
                advicePackage + "ServletEntryAdvice"),
        // AsyncContext.start(Runnable): the runnable runs in the request's context
        forTypes(classesInheriting(namespace + ".servlet.AsyncContext"))
            .advise(
                methodsNamed("start").and(takesArguments(1)).and(takesArgument(0, named("java.lang.Runnable"))),
                advicePackage + "AsyncStartAdvice"),
        // HttpServletResponse.sendError(...) and sendRedirect(String): an INTERNAL span each, as the agent's
        forTypes(classesInheriting(namespace + ".servlet.http.HttpServletResponse"))
            .advise(
                methodsNamed("sendError", "sendRedirect").and(isPublic()).and(not(isAbstract())),
                advicePackage + "ResponseSendAdvice"));
  }
}
