package dev.vireo.instrumentation.javahttpclient;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * CLIENT spans for {@code java.net.http.HttpClient} (Java 11+). Every client the JDK builds is a
 * facade over {@code jdk.internal.net.http.HttpClientImpl}, whose public {@code send} and
 * {@code sendAsync} are instrumented. Compiled for Java 8 (it names JDK 11 types only as strings),
 * unlike the rest of the package.
 */
public final class JavaHttpClientModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "java-http-client";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("jdk.internal.net.http.HttpClientImpl"))
            .advise(
                named("send")
                    .and(isPublic())
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                "dev.vireo.instrumentation.javahttpclient.SendAdvice")
            // The two-argument overload delegates to the three-argument one: the inner call finds the
            // outer span current and starts nothing.
            .advise(
                named("sendAsync")
                    .and(isPublic())
                    .and(takesArguments(2).or(takesArguments(3)))
                    .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                "dev.vireo.instrumentation.javahttpclient.SendAsyncAdvice"));
  }
}
