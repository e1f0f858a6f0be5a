package dev.vireo.instrumentation.okhttp;

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
 * CLIENT spans for OkHttp 3.x, 4.x and 5.x ({@code okhttp3} package). Every client gets two
 * interceptors (see {@link CallInterceptor} and {@link AttemptInterceptor}); asynchronous calls
 * carry the context of the thread that enqueued them to the dispatcher thread.
 */
public final class OkHttpModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "okhttp";

  private static final String PACKAGE = "dev.vireo.instrumentation.okhttp.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("okhttp3.OkHttpClient", "okhttp3.Interceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        // OkHttpClient(Builder), which every way of making a client goes through
        forTypes(named("okhttp3.OkHttpClient"))
            .advise(
                isConstructor().and(takesArguments(1)).and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
                PACKAGE + "ClientConstructorAdvice"),
        // the dispatcher's task for Call.enqueue: 3.x in okhttp3, 4.x and 5.x in internal.connection
        forTypes(namedOneOf("okhttp3.RealCall$AsyncCall", "okhttp3.internal.connection.RealCall$AsyncCall"))
            .advise(isConstructor(), PACKAGE + "AsyncCallCreatedAdvice")
            // 3.x: execute() (called by NamedRunnable.run()); 4.x and 5.x: run()
            .advise(namedOneOf("run", "execute").and(takesArguments(0)), PACKAGE + "AsyncCallRunAdvice"));
  }
}
