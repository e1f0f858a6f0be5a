package dev.vireo.instrumentation.jettyhttpclient9;

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
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for the Jetty HttpClient 9.4, 10 and 11 ({@code org.eclipse.jetty.client}, whose
 * exchange, request and listener types Jetty 12 moved; that one is the jetty-httpclient module).
 * The same points as there: an {@code HttpExchange} per request on the wire, created (span starts),
 * terminated or failed before a connection took it (span ends).
 */
public final class JettyHttpClient9Module implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "jetty-httpclient-9";

  private static final String PACKAGE = "dev.vireo.instrumentation.jettyhttpclient9.";
  private static final String EXCHANGE = "org.eclipse.jetty.client.HttpExchange";
  private static final String REQUEST = "org.eclipse.jetty.client.HttpRequest";

  @Override
  public String name() {
    return NAME;
  }

  /** {@code otel.instrumentation.jetty-httpclient.enabled} switches both Jetty client modules. */
  @Override
  public List<String> aliases() {
    return Collections.singletonList("jetty-httpclient");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(EXCHANGE, REQUEST);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named(EXCHANGE))
            .advise(isConstructor().and(takesArguments(3)), PACKAGE + "ExchangeCreatedAdvice")
            .advise(namedOneOf("terminateRequest", "terminateResponse").and(takesArguments(0)),
                PACKAGE + "ExchangeTerminatedAdvice")
            // an exchange aborted before a connection took it (connection refused, timeout in the queue)
            .advise(named("notifyFailureComplete").and(takesArguments(1)), PACKAGE + "ExchangeFailedAdvice"),
        forTypes(named(REQUEST))
            .advise(
                named("send").and(takesArguments(1))
                    .and(takesArgument(0, named("org.eclipse.jetty.client.api.Response$CompleteListener"))),
                PACKAGE + "SendAdvice"));
  }
}
