package dev.vireo.instrumentation.opentelemetryapi.batchcallbacks;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's batch callbacks (API 1.15 and later: {@code Meter.batchCallback(callback,
 * measurement, more...)}, a default that does nothing) for the meters of module {@code
 * opentelemetry-api-metrics}, with the measurements their builders' {@code buildObserver()} made: the
 * agent SDK runs the callback at each collection. A separate module, so APIs 1.10 to 1.14 keep the rest
 * of the metrics bridge.
 */
public final class OpenTelemetryApiBatchCallbacksModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-api-batch-callbacks";
  static final String APPLICATION_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.batchcallbacks.application";

  @Override
  public String name() {
    return NAME;
  }

  /** Switched off with the bridge. */
  @Override
  public List<String> aliases() {
    return Collections.singletonList("opentelemetry-api");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.opentelemetry.api.metrics.BatchCallback")
        .and(loader -> loader != OpenTelemetryApiBatchCallbacksModule.class.getClassLoader());
  }

  @Override
  public List<String> applicationOpenTelemetryPackages() {
    return Collections.singletonList(APPLICATION_PACKAGE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("io.opentelemetry.api.metrics.Meter"))
            .advise(
                named("batchCallback").and(takesArguments(3)).and(not(isStatic())),
                APPLICATION_PACKAGE + ".BatchCallbackAdvice"));
  }
}
