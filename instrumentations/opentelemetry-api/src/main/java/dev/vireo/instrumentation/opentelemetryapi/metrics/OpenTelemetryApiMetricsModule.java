package dev.vireo.instrumentation.opentelemetryapi.metrics;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's metrics API (in {@code opentelemetry-api} since 1.10; the version check needs the
 * observable instrument types of later 1.x) exported by the agent's SDK: the {@code getMeterProvider()}
 * of the bridged OpenTelemetry (module {@code opentelemetry-api}, which leaves it to the API's default)
 * answers with the agent's meters. A separate module, so an API without metrics still gets the trace
 * bridge.
 */
public final class OpenTelemetryApiMetricsModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-api-metrics";
  static final String APPLICATION_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.metrics.application";
  static final String COMMON_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.common";

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
    return ClassLoaderMatchers.hasClassesNamed("io.opentelemetry.api.metrics.MeterProvider")
        .and(loader -> loader != OpenTelemetryApiMetricsModule.class.getClassLoader());
  }

  @Override
  public List<String> helperPackages() {
    return Collections.singletonList(COMMON_PACKAGE);
  }

  @Override
  public List<String> applicationOpenTelemetryPackages() {
    return Arrays.asList(APPLICATION_PACKAGE, COMMON_PACKAGE + ".application");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("io.opentelemetry.api.OpenTelemetry"))
            .advise(
                named("getMeterProvider").and(takesArguments(0)).and(not(isStatic())),
                APPLICATION_PACKAGE + ".GetMeterProviderAdvice"));
  }
}
