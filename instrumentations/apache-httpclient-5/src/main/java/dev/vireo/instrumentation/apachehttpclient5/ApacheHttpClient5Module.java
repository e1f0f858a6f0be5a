package dev.vireo.instrumentation.apachehttpclient5;

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
 * CLIENT spans for Apache HttpClient 5.x ({@code org.apache.hc.client5}). Classic: every
 * {@code execute} overload of a {@code CloseableHttpClient} ends in {@code doExecute} (one
 * application call), and each request on the wire passes httpcore5's
 * {@code HttpRequestExecutor.execute} (one attempt). Async: every {@code execute} of a
 * {@code CloseableHttpAsyncClient} ends in {@code doExecute}, whose request producer, response
 * consumer and callback are wrapped (one span per call).
 */
public final class ApacheHttpClient5Module implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "apache-httpclient-5";

  private static final String PACKAGE = "dev.vireo.instrumentation.apachehttpclient5.";
  private static final String CLASSIC_CLIENT = "org.apache.hc.client5.http.impl.classic.CloseableHttpClient";
  private static final String ASYNC_CLIENT = "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(CLASSIC_CLIENT, ASYNC_CLIENT);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(classesExtending(CLASSIC_CLIENT))
            .advise(
                methodsNamed("doExecute")
                    .and(takesArguments(3))
                    .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
                    .and(not(isAbstract())),
                PACKAGE + "ExecuteAdvice"),
        forTypes(named("org.apache.hc.core5.http.impl.io.HttpRequestExecutor"))
            .advise(
                named("execute")
                    .and(takesArguments(4))
                    .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
                PACKAGE + "SendAdvice"),
        forTypes(classesExtending(ASYNC_CLIENT))
            .advise(
                methodsNamed("doExecute")
                    .and(takesArguments(6))
                    .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
                    .and(not(isAbstract())),
                PACKAGE + "AsyncExecuteAdvice"));
  }
}
