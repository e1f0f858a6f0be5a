package dev.vireo.instrumentation.jettyhttpclient;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for the Jetty 12 {@code HttpClient} ({@code org.eclipse.jetty.client}). Every request
 * on the wire is an {@code HttpExchange}, whatever sent it (the application's {@code send()} or
 * {@code send(listener)}, a redirect, an authentication retry): its creation starts the span, its
 * termination (request and response both complete, or the exchange failed before it was sent) ends
 * it. Compiled for Java 8 (it names Jetty types only as strings), unlike the rest of the package.
 */
public final class JettyHttpClientModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "jetty-httpclient";

  private static final String PACKAGE = "dev.vireo.instrumentation.jettyhttpclient.";
  private static final String EXCHANGE = "org.eclipse.jetty.client.transport.HttpExchange";
  private static final String REQUEST = "org.eclipse.jetty.client.transport.HttpRequest";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(EXCHANGE, REQUEST);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named(EXCHANGE))
            // the two-argument constructor delegates to this one
            .advise(isConstructor().and(takesArguments(3)), PACKAGE + "ExchangeCreatedAdvice")
            .advise(namedOneOf("terminateRequest", "terminateResponse").and(takesArguments(0)),
                PACKAGE + "ExchangeTerminatedAdvice")
            // an exchange aborted before a connection took it (connection refused, timeout in the queue)
            .advise(named("notifyFailureComplete").and(takesArguments(1)), PACKAGE + "ExchangeFailedAdvice"),
        forTypes(named(REQUEST))
            .advise(
                named("send").and(takesArguments(1))
                    .and(takesArgument(0, named("org.eclipse.jetty.client.Response$CompleteListener"))),
                PACKAGE + "SendAdvice"));
  }
}
