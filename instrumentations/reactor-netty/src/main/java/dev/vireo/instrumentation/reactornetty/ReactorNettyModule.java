package dev.vireo.instrumentation.reactornetty;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * SERVER and CLIENT spans for Reactor Netty's HTTP server and client. Client: one CLIENT span per
 * request attempt, through the request/response callbacks every {@code HttpClient} gets at creation
 * ({@link ClientSpans}). Server: The request handler an application (or Spring
 * WebFlux) gives to {@code HttpServer.handle} is wrapped when the server is configured: public API,
 * the same in reactor-netty-http 1.0 to 1.3, and {@code route(...)} goes through it too.
 */
public final class ReactorNettyModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "reactor-netty";

  private static final String PACKAGE = "dev.vireo.instrumentation.reactornetty.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("reactor.netty.http.server.HttpServer", "reactor.netty.http.client.HttpClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("reactor.netty.http.server.HttpServer"))
            .advise(named("handle").and(takesArguments(1)), PACKAGE + "ServerHandleAdvice"),
        // every HttpClient starts at one of its factories: the tracing callbacks go in there (WebClient's too)
        forTypes(named("reactor.netty.http.client.HttpClient"))
            .advise(isStatic().and(namedOneOf("create", "newConnection")), PACKAGE + "ClientCreatedAdvice"));
  }
}
