package dev.vireo.instrumentation.opentelemetryapi.gauges;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
 * The application's synchronous gauges (API 1.38 and later: {@code DoubleGaugeBuilder.build()},
 * {@code LongGaugeBuilder.build()}, defaults that return a no-op gauge) for the gauge builders of module
 * {@code opentelemetry-api-metrics}: the agent SDK's gauge. A separate module, so APIs before 1.38 keep
 * the rest of the metrics bridge.
 */
public final class OpenTelemetryApiGaugesModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-api-gauges";
  static final String APPLICATION_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.gauges.application";
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
    return ClassLoaderMatchers.hasClassesNamed("io.opentelemetry.api.metrics.DoubleGauge")
        .and(loader -> loader != OpenTelemetryApiGaugesModule.class.getClassLoader());
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
        forTypes(namedOneOf("io.opentelemetry.api.metrics.DoubleGaugeBuilder", "io.opentelemetry.api.metrics.LongGaugeBuilder"))
            .advise(
                named("build").and(takesArguments(0)).and(not(isStatic())),
                APPLICATION_PACKAGE + ".GaugeBuildAdvice"));
  }
}
