package dev.vireo.instrumentation.httpurlconnection;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** CLIENT spans for {@code java.net.HttpURLConnection}, the JDK's built-in HTTP client. */
public final class HttpUrlConnectionModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "http-url-connection";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(jdkConnections())
            .advise(
                namedOneOf("connect", "getOutputStream", "getInputStream", "getResponseCode")
                    .and(takesArguments(0))
                    .and(isPublic()),
                "dev.vireo.instrumentation.httpurlconnection.HttpUrlConnectionAdvice"));
  }

  private static ElementMatcher<TypeDescription> jdkConnections() {
    // The JDK's implementations (http, and https which delegates to an http one). The name tests come
    // first: they are cheap, and they keep the super class walk away from other protocol handlers. Walking
    // the jrt: handler's super types reads class files through a jrt: URL, which needs that very handler:
    // a ClassCircularityError in the application (seen when the CLDR locale data loads).
    return nameStartsWith("sun.net.www.protocol.http")
        .and(nameContains("URLConnection"))
        .and(not(isAbstract()))
        .and(hasSuperClass(named("java.net.HttpURLConnection")));
  }
}
