package dev.vireo.instrumentation.logback;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every Logback event the logger passes to its appenders also becomes an OpenTelemetry log record (exported
 * with {@code otel.logs.exporter}). Beside the configured appenders: they, and the application's output, are
 * untouched.
 */
public final class LogbackAppenderModule implements InstrumentationModule {

  public static final String NAME = "logback-appender";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("ch.qos.logback.classic.spi.LoggingEvent");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("ch.qos.logback.classic.Logger"))
            .advise(
                named("callAppenders").and(takesArguments(1)),
                "dev.vireo.instrumentation.logback.CallAppendersAdvice"));
  }
}
