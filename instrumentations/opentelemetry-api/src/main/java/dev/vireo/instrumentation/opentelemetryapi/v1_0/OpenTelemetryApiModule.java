package dev.vireo.instrumentation.opentelemetryapi.v1_0;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Bridges the application's own OpenTelemetry API (1.x) to the agent: its {@code ContextStorage}
 * becomes the agent's context, and {@code GlobalOpenTelemetry} the agent's SDK. The classes that
 * implement the application's API interfaces live in {@link #APPLICATION_PACKAGE} (see {@link
 * #applicationOpenTelemetryPackages()}); this package holds their agent-facing counterparts.
 */
public final class OpenTelemetryApiModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-api";
  static final String APPLICATION_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.v1_0.application";
  /** Attribute conversion shared with the metrics bridge; its application-facing half in {@code .application}. */
  static final String COMMON_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.common";
  private static final String ADVICE = APPLICATION_PACKAGE + ".";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.opentelemetry.context.ContextStorage", "io.opentelemetry.api.GlobalOpenTelemetry")
        .and(new ApplicationApiVersion());
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
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("io.opentelemetry.context.ContextStorage"))
            .advise(named("get").and(isStatic()).and(takesArguments(0)), ADVICE + "ContextStorageGetAdvice"),
        forTypes(named("io.opentelemetry.api.GlobalOpenTelemetry"))
            .advise(
                namedOneOf("get", "getOrNoop").and(isStatic()).and(takesArguments(0)),
                ADVICE + "GlobalOpenTelemetryGetAdvice")
            .advise(named("set").and(isStatic()).and(takesArguments(1)), ADVICE + "GlobalOpenTelemetrySetAdvice")
            .advise(named("isSet").and(isStatic()).and(takesArguments(0)), ADVICE + "GlobalOpenTelemetryIsSetAdvice"));
  }
}
