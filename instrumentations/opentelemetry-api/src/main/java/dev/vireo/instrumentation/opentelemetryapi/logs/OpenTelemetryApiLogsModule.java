package dev.vireo.instrumentation.opentelemetryapi.logs;

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
 * The application's logs API ({@code getLogsBridge()}, API 1.27 and later): log records emitted through
 * the bridged OpenTelemetry (module {@code opentelemetry-api}) are exported by the agent's SDK.
 */
public final class OpenTelemetryApiLogsModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-api-logs";
  static final String APPLICATION_PACKAGE = "dev.vireo.instrumentation.opentelemetryapi.logs.application";
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
    return ClassLoaderMatchers.hasClassesNamed("io.opentelemetry.api.logs.LoggerProvider")
        .and(loader -> loader != OpenTelemetryApiLogsModule.class.getClassLoader());
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
                named("getLogsBridge").and(takesArguments(0)).and(not(isStatic())),
                APPLICATION_PACKAGE + ".GetLogsBridgeAdvice"));
  }
}
