package dev.vireo.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for {@code java.net.http.HttpClient} (Java 11+). Every client the JDK builds is a
 * facade over {@code jdk.internal.net.http.HttpClientImpl}, whose public {@code send} and
 * {@code sendAsync} are instrumented. Compiled for Java 8 (it names JDK 11 types only as strings),
 * unlike the rest of the package.
 */
public final class JavaHttpClientModule implements InstrumentationModule, TypeInstrumentation {

  @Override
  public String name() {
    return "java-http-client";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(this);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("send")
            .and(isPublic())
            .and(takesArguments(2))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        "dev.vireo.instrumentation.javahttpclient.SendAdvice");
    // The two-argument overload delegates to the three-argument one: the inner call finds the
    // outer span current and starts nothing.
    target.applyAdvice(
        named("sendAsync")
            .and(isPublic())
            .and(takesArguments(2).or(takesArguments(3)))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        "dev.vireo.instrumentation.javahttpclient.SendAsyncAdvice");
  }
}
