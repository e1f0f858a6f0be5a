package dev.vireo.instrumentation.opentelemetryapi.tracerbuilder;

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
 * {@code TracerProvider.tracerBuilder(name)} (API 1.4 and later; its default is a no-op builder) for
 * the bridged tracer provider of module {@code opentelemetry-api}: a builder whose tracer is that
 * provider's. A separate module, so API 1.0 to 1.3 still get the rest of the bridge.
 */
public final class OpenTelemetryApiTracerBuilderModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-api-tracer-builder";
  static final String APPLICATION_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.tracerbuilder.application";

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
    return ClassLoaderMatchers.hasClassesNamed("io.opentelemetry.api.trace.TracerBuilder")
        .and(loader -> loader != OpenTelemetryApiTracerBuilderModule.class.getClassLoader());
  }

  @Override
  public List<String> applicationOpenTelemetryPackages() {
    return Collections.singletonList(APPLICATION_PACKAGE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("io.opentelemetry.api.trace.TracerProvider"))
            .advise(
                named("tracerBuilder").and(takesArguments(1)).and(not(isStatic())),
                APPLICATION_PACKAGE + ".TracerBuilderAdvice"));
  }
}
