package dev.vireo.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for OkHttp 3.x, 4.x and 5.x ({@code okhttp3} package). Every client gets two
 * interceptors (see {@link CallInterceptor} and {@link AttemptInterceptor}); asynchronous calls
 * carry the context of the thread that enqueued them to the dispatcher thread.
 */
public final class OkHttpModule implements InstrumentationModule {

  @Override
  public String name() {
    return "okhttp";
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("okhttp3.OkHttpClient", "okhttp3.Interceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new ClientInstrumentation(), new AsyncCallInstrumentation());
  }

  /** {@code OkHttpClient(Builder)}, which every way of making a client goes through. */
  static final class ClientInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("okhttp3.OkHttpClient");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          isConstructor().and(takesArguments(1)).and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
          "dev.vireo.instrumentation.okhttp.ClientConstructorAdvice");
    }
  }

  /** The dispatcher's task for {@code Call.enqueue}: 3.x in okhttp3, 4.x and 5.x in internal.connection. */
  static final class AsyncCallInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return namedOneOf("okhttp3.RealCall$AsyncCall", "okhttp3.internal.connection.RealCall$AsyncCall");
    }

    @Override
    public void transform(AdviceTarget target) {
      target
          .applyAdvice(isConstructor(), "dev.vireo.instrumentation.okhttp.AsyncCallCreatedAdvice")
          // 3.x: execute() (called by NamedRunnable.run()); 4.x and 5.x: run()
          .applyAdvice(namedOneOf("run", "execute").and(takesArguments(0)), "dev.vireo.instrumentation.okhttp.AsyncCallRunAdvice");
    }
  }
}
