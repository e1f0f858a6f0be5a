package dev.vireo.instrumentation.apachehttpclient4;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesExtending;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
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
 * CLIENT spans for Apache HttpClient 4.3+ ({@code org.apache.http}). Every {@code execute} overload
 * of a {@code CloseableHttpClient} (with or without {@code HttpHost}, {@code HttpContext},
 * {@code ResponseHandler}) ends in {@code doExecute}: that is one application call. Each request the
 * client puts on the wire passes httpcore's {@code HttpRequestExecutor.execute}: that is one attempt.
 */
public final class ApacheHttpClient4Module implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "apache-httpclient-4";

  private static final String PACKAGE = "dev.vireo.instrumentation.apachehttpclient4.";
  private static final String CLOSEABLE_CLIENT = "org.apache.http.impl.client.CloseableHttpClient";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // CloseableHttpClient exists from 4.3 on
    return ClassLoaderMatchers.hasClassesNamed(CLOSEABLE_CLIENT, "org.apache.http.protocol.HttpRequestExecutor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(classesExtending(CLOSEABLE_CLIENT))
            .advise(
                methodsNamed("doExecute")
                    .and(takesArguments(3))
                    .and(takesArgument(0, named("org.apache.http.HttpHost")))
                    .and(not(isAbstract())),
                PACKAGE + "ExecuteAdvice"),
        forTypes(named("org.apache.http.protocol.HttpRequestExecutor"))
            .advise(
                named("execute")
                    .and(takesArguments(3))
                    .and(takesArgument(0, named("org.apache.http.HttpRequest"))),
                PACKAGE + "SendAdvice"));
  }
}
